import type { HealthBoard } from '../gateway/gateway-responses.schema';
import { renderTable } from '../output/text-table.util';

/**
 * The status board as a terminal table: the overall verdict first, then the gateway's own
 * dependencies and every service behind it with readiness, probe latency and what went wrong.
 *
 * @example renderHealthBoard(await client.health())
 */
export function renderHealthBoard(board: HealthBoard): string {
  const rows: string[][] = [
    ...Object.entries(board.gateway).map(([dependency, state]) => [
      `api-gateway → ${dependency}`,
      state,
      '',
      '',
    ]),
    ...Object.entries(board.services).map(([service, health]) => [
      service,
      health.ready,
      `${health.latencyMs} ms`,
      health.error ?? '',
    ]),
  ];
  return [
    `overall: ${board.status.toUpperCase()}  (checked ${board.checkedAt})`,
    '',
    renderTable(['component', 'ready', 'latency', 'detail'], rows),
  ].join('\n');
}

/**
 * Whether `status` should fail: always when the system is down (the gateway cannot serve), and
 * when degraded only if asked (`--fail-on-degraded`, for deploy gates).
 */
export function statusFails(status: HealthBoard['status'], failOnDegraded: boolean): boolean {
  switch (status) {
    case 'ok':
      return false;
    case 'degraded':
      return failOnDegraded;
    case 'down':
      return true;
  }
}
