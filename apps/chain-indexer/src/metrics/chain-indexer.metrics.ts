import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Every chain-indexer metric, on the service registry (METRICS_REGISTRY). */
export class ChainIndexerMetrics {
  readonly indexedBlock: Gauge<'chain_id'>;
  readonly headBlock: Gauge<'chain_id'>;
  readonly headLagBlocks: Gauge<'chain_id'>;
  readonly headLagSeconds: Gauge<'chain_id'>;
  readonly logsPublished: Counter<'chain_id'>;
  readonly undecodableLogs: Counter<'chain_id' | 'reason'>;
  readonly rpcDuration: Histogram<'chain_id' | 'endpoint' | 'method'>;
  readonly rpcErrors: Counter<'chain_id' | 'endpoint' | 'kind'>;
  readonly failovers: Counter<'chain_id' | 'from' | 'to' | 'reason'>;
  readonly endpointUp: Gauge<'chain_id' | 'endpoint'>;
  readonly reorgDepth: Histogram<'chain_id'>;
  readonly halted: Gauge<'chain_id'>;
  private refreshEndpointUp: (() => void) | undefined;

  constructor(registry: Registry) {
    const registers = [registry];
    this.indexedBlock = new Gauge({
      name: 'chain_indexer_indexed_block',
      help: 'Highest block whose logs Kafka acknowledged and whose checkpoint is committed',
      labelNames: ['chain_id'],
      registers,
    });
    this.headBlock = new Gauge({
      name: 'chain_indexer_head_block',
      help: 'Latest block the RPC endpoint reported',
      labelNames: ['chain_id'],
      registers,
    });
    this.headLagBlocks = new Gauge({
      name: 'chain_indexer_head_lag_blocks',
      help: 'Head block minus indexed block',
      labelNames: ['chain_id'],
      registers,
    });
    this.headLagSeconds = new Gauge({
      name: 'chain_indexer_head_lag_seconds',
      help: 'Now minus the timestamp of the indexed block (0 when caught up)',
      labelNames: ['chain_id'],
      registers,
    });
    this.logsPublished = new Counter({
      name: 'chain_indexer_logs_published_total',
      help: 'Decoded logs Kafka acknowledged (rate() gives logs/s)',
      labelNames: ['chain_id'],
      registers,
    });
    this.undecodableLogs = new Counter({
      name: 'chain_indexer_undecodable_logs_total',
      help: 'Logs of watched addresses that do not fit their ABI, skipped',
      labelNames: ['chain_id', 'reason'],
      registers,
    });
    this.rpcDuration = new Histogram({
      name: 'chain_indexer_rpc_request_duration_seconds',
      help: 'RPC call latency per endpoint, answered or not',
      labelNames: ['chain_id', 'endpoint', 'method'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.rpcErrors = new Counter({
      name: 'chain_indexer_rpc_errors_total',
      help: 'Failed RPC calls per endpoint and kind',
      labelNames: ['chain_id', 'endpoint', 'kind'],
      registers,
    });
    this.failovers = new Counter({
      name: 'chain_indexer_rpc_failovers_total',
      help: 'Switches between RPC endpoints (failover, failback, degraded)',
      labelNames: ['chain_id', 'from', 'to', 'reason'],
      registers,
    });
    this.endpointUp = new Gauge({
      name: 'chain_indexer_rpc_endpoint_up',
      help: '1 while the EVM endpoint is in rotation, 0 while tripped (error rate, slow call, failures in a row, wrong chain id)',
      labelNames: ['chain_id', 'endpoint'],
      registers,
      // Read from the pools at scrape time: /metrics never shows an endpoint's state of seconds ago.
      collect: () => this.refreshEndpointUp?.(),
    });
    this.reorgDepth = new Histogram({
      name: 'chain_indexer_reorg_depth_blocks',
      help: 'Reorgs followed, by how many blocks they orphaned',
      labelNames: ['chain_id'],
      buckets: [1, 2, 3, 5, 10, 20, 64, 128],
      registers,
    });
    this.halted = new Gauge({
      name: 'chain_indexer_chain_halted',
      help: '1 while a chain is stopped by a reorg deeper than its finality',
      labelNames: ['chain_id'],
      registers,
    });
  }

  /** Sets what brings `endpointUp` up to date whenever the registry is read (the EVM indexing service). */
  onCollectEndpointUp(refresh: () => void): void {
    this.refreshEndpointUp = refresh;
  }
}
