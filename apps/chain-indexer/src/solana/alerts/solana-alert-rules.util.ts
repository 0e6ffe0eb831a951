/** The alerts the Solana indexer raises; names shared with the EVM side so routing treats them alike. */
export type SolanaAlertName =
  | 'ChainIndexerLagHigh'
  | 'ChainIndexerStalled'
  | 'ChainIndexerRpcFailover'
  | 'ChainIndexerEndpointDown';

export interface SolanaAlert {
  readonly name: SolanaAlertName;
  readonly severity: 'critical' | 'warning';
  /** Identifying labels besides alertname/severity (program or endpoint). */
  readonly labels: Readonly<Record<string, string>>;
  readonly summary: string;
  readonly description: string;
}

export interface SolanaProgramProgress {
  readonly program: string;
  readonly lagSlots: bigint | undefined;
  /** When the indexed slot last moved (or was found caught up); undefined before the first pass. */
  readonly lastProgressAt: Date | undefined;
}

export interface SolanaAlertInput {
  readonly cluster: string;
  readonly now: Date;
  /** When the indexer started: a program without progress counts as stalled from here. */
  readonly startedAt: Date;
  readonly programs: readonly SolanaProgramProgress[];
  /** Endpoints in priority order: the first is the primary. */
  readonly endpoints: readonly { readonly label: string; readonly tripped: string | undefined }[];
  readonly currentEndpoint: string;
  readonly lagAlertSlots: number;
  readonly stallAlertMs: number;
}

/**
 * The alerts that should be firing now: a program more than `lagAlertSlots` behind the head
 * (warning), a program whose indexed slot has not moved for `stallAlertMs` (critical), each tripped
 * endpoint (warning), and being off the primary endpoint (warning, failover).
 *
 * @example
 * firingSolanaAlerts({ …, programs: [{ program: 'token', lagSlots: 400n, … }], lagAlertSlots: 150 }) // [{ name: 'ChainIndexerLagHigh', … }]
 */
export function firingSolanaAlerts(input: SolanaAlertInput): SolanaAlert[] {
  const alerts: SolanaAlert[] = [];
  for (const p of input.programs) {
    if (p.lagSlots !== undefined && p.lagSlots > BigInt(input.lagAlertSlots)) {
      alerts.push({
        name: 'ChainIndexerLagHigh',
        severity: 'warning',
        labels: { program: p.program },
        summary: `Solana ${input.cluster} program ${p.program} is ${p.lagSlots} slots behind`,
        description: `Indexed slot lags the head by ${p.lagSlots} slots (threshold ${input.lagAlertSlots}).`,
      });
    }
    const since = p.lastProgressAt ?? input.startedAt;
    const idleMs = input.now.getTime() - since.getTime();
    if (idleMs > input.stallAlertMs) {
      alerts.push({
        name: 'ChainIndexerStalled',
        severity: 'critical',
        labels: { program: p.program },
        summary: `Solana ${input.cluster} program ${p.program} has not advanced for ${Math.round(idleMs / 1_000)} s`,
        description: `No slot indexed since ${since.toISOString()} (threshold ${input.stallAlertMs} ms).`,
      });
    }
  }
  for (const endpoint of input.endpoints) {
    if (endpoint.tripped === undefined) continue;
    alerts.push({
      name: 'ChainIndexerEndpointDown',
      severity: 'warning',
      labels: { endpoint: endpoint.label },
      summary: `Solana ${input.cluster} RPC endpoint ${endpoint.label} is out of rotation`,
      description: `Tripped: ${endpoint.tripped}.`,
    });
  }
  const primary = input.endpoints[0]?.label;
  if (primary !== undefined && input.currentEndpoint !== primary) {
    alerts.push({
      name: 'ChainIndexerRpcFailover',
      severity: 'warning',
      labels: { endpoint: input.currentEndpoint },
      summary: `Solana ${input.cluster} failed over from ${primary} to ${input.currentEndpoint}`,
      description: 'Calls go to a backup endpoint until the primary recovers.',
    });
  }
  return alerts;
}
