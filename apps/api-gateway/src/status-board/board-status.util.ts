/** One service as the board shows it. */
export interface ServiceHealth {
  ready: 'up' | 'down';
  latencyMs: number;
  error?: string;
  /** The service's own `/status` (RPC endpoints, LLM, lag…), when it serves one. */
  status?: unknown;
}

export type OverallStatus = 'ok' | 'degraded' | 'down';

/**
 * The board's verdict: `down` when the gateway itself lacks Postgres or Kafka (it cannot sign
 * anyone in), `degraded` when any service behind it is not ready, `ok` otherwise.
 */
export function overallStatus(
  gateway: Record<string, 'up' | 'down'>,
  services: Record<string, Pick<ServiceHealth, 'ready'>>,
): OverallStatus {
  if (Object.values(gateway).some((s) => s === 'down')) return 'down';
  if (Object.values(services).some((s) => s.ready === 'down')) return 'degraded';
  return 'ok';
}
