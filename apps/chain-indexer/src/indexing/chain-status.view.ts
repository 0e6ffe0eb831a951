import type { ChainConfig } from '../chains/chain-config.model';
import type { EndpointHealthSnapshot } from '../rpc-health/endpoint-health.model';
import type { ChainProgressView } from './evm-chain.indexer';

/** A chain's status as the admin API returns it (JSON-safe, URLs reduced to labels). */
export interface ChainStatusDto {
  chainId: number;
  name: string;
  state: ChainProgressView['state'];
  head: string | null;
  indexedBlock: string | null;
  lagBlocks: string | null;
  lagSeconds: number | null;
  confirmations: number;
  finalityDepth: number;
  halted: { reason: string; at: string } | null;
  endpoints: {
    endpoint: string;
    current: boolean;
    tripped: { reason: string; at: string } | null;
    calls: number;
    errorRate: number;
    p50LatencyMs: number | null;
    p95LatencyMs: number | null;
    coolDownUntil: string | null;
  }[];
}

/**
 * The admin API's view of a chain.
 *
 * @example
 * chainStatusOf(chain, indexer.progress(), endpoints, currentUrl, now) // { chainId: 1, head: '120', lagBlocks: '2', … }
 */
export function chainStatusOf(
  chain: ChainConfig,
  progress: ChainProgressView,
  endpoints: readonly (EndpointHealthSnapshot & { label: string })[],
  currentUrl: string,
  now: Date,
): ChainStatusDto {
  const lag =
    progress.head === undefined
      ? undefined
      : progress.head - (progress.indexedBlock ?? -1n) > 0n
        ? progress.head - (progress.indexedBlock ?? -1n)
        : 0n;
  return {
    chainId: chain.chainId,
    name: chain.name,
    state: progress.state,
    head: progress.head?.toString() ?? null,
    indexedBlock: progress.indexedBlock?.toString() ?? null,
    lagBlocks: lag?.toString() ?? null,
    lagSeconds:
      lag === undefined
        ? null
        : lag === 0n || !progress.indexedBlockTime
          ? 0
          : Math.max(0, (now.getTime() - progress.indexedBlockTime.getTime()) / 1_000),
    confirmations: chain.confirmations,
    finalityDepth: chain.finalityDepth,
    halted: progress.halted ? { reason: progress.halted.reason, at: progress.halted.at.toISOString() } : null,
    endpoints: endpoints.map((e) => ({
      endpoint: e.label,
      current: e.url === currentUrl,
      tripped: e.tripped ? { reason: e.tripped.reason, at: e.tripped.at.toISOString() } : null,
      calls: e.calls,
      errorRate: e.errorRate,
      p50LatencyMs: e.p50LatencyMs ?? null,
      p95LatencyMs: e.p95LatencyMs ?? null,
      coolDownUntil: e.coolDownUntil?.toISOString() ?? null,
    })),
  };
}
