import type { Logger } from 'pino';
import type { ChainConfig } from '../chains/chain-config.model';
import type { CheckpointStore } from '../checkpoints/checkpoint.store';
import type { ChainIndexerMetrics } from '../metrics/chain-indexer.metrics';
import { rangeErrorHintOf } from '../ranges/range-error.util';
import { type Clock, defaultEndpointHealthPolicy } from '../rpc-health/endpoint-health.model';
import { endpointLabelOf } from '../rpc/endpoint-label.util';
import { EndpointPool } from '../rpc/endpoint-pool';
import { type EvmChainIndexerDeps, EvmChainIndexer, type EvmChainIndexerOptions } from './evm-chain.indexer';

export interface ChainRuntimeDeps extends Pick<EvmChainIndexerDeps, 'logs' | 'reorgs' | 'alerts'> {
  readonly store: CheckpointStore;
  readonly metrics?: ChainIndexerMetrics;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly options: EvmChainIndexerOptions & {
    readonly rpcTimeoutMs: number;
    /** How long after its last call a tripped endpoint gets a probe (failback); default 30 s. */
    readonly probeIntervalMs?: number;
  };
}

/** A chain's endpoints and its indexing loop, wired to metrics and logs. */
export interface ChainRuntime {
  readonly chain: ChainConfig;
  readonly pool: EndpointPool;
  readonly indexer: EvmChainIndexer;
  /** Endpoint URL → label safe to publish (no API keys). */
  readonly labelOf: (url: string) => string;
}

/**
 * Builds one chain's runtime: the endpoint pool (range refusals are not held against an endpoint;
 * calls, errors and switches go to metrics and logs) and the indexer over it. Not started.
 *
 * @example
 * const runtime = createChainRuntime(chain, deps); runtime.indexer.start();
 */
export function createChainRuntime(chain: ChainConfig, deps: ChainRuntimeDeps): ChainRuntime {
  const logger = deps.logger.child({ chainId: chain.chainId, chain: chain.name });
  const labels = new Map(chain.rpcUrls.map((url, i) => [url, endpointLabelOf(url, i)]));
  const labelOf = (url: string) => labels.get(url) ?? 'unknown';
  const chainLabel = { chain_id: String(chain.chainId) };
  const pool = new EndpointPool(
    chain.rpcUrls,
    deps.clock,
    {
      timeoutMs: deps.options.rpcTimeoutMs,
      isRequestError: (error) => rangeErrorHintOf(error) !== undefined,
      policy: { ...defaultEndpointHealthPolicy, probeIntervalMs: deps.options.probeIntervalMs ?? 30_000 },
      chainId: chain.chainId,
    },
    {
      call: (url, method, latencyMs, failure) => {
        const endpoint = labelOf(url);
        deps.metrics?.rpcDuration.observe({ ...chainLabel, endpoint, method }, latencyMs / 1_000);
        if (failure) deps.metrics?.rpcErrors.inc({ ...chainLabel, endpoint, kind: failure });
      },
      switched: (choice) => {
        const from = choice.from ? labelOf(choice.from) : 'none';
        const to = labelOf(choice.url);
        deps.metrics?.failovers.inc({ ...chainLabel, from, to, reason: choice.reason });
        logger.warn({ from, to, reason: choice.reason, because: choice.because }, 'RPC endpoint switched');
      },
      wrongChain: (url, expected, actual) => {
        logger.error(
          { endpoint: labelOf(url), expectedChainId: expected, actualChainId: actual },
          'RPC endpoint serves another chain: marked down, never called again (fix its URL and restart)',
        );
      },
    },
  );
  const indexer = new EvmChainIndexer({
    chain,
    pool,
    store: deps.store,
    logs: deps.logs,
    reorgs: deps.reorgs,
    alerts: deps.alerts,
    metrics: deps.metrics,
    logger,
    clock: deps.clock,
    options: deps.options,
  });
  return { chain, pool, indexer, labelOf };
}
