import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Every Solana metric of chain-indexer, on the service registry (METRICS_REGISTRY). */
export class SolanaMetrics {
  readonly headSlot: Gauge<'cluster' | 'commitment'>;
  readonly indexedSlot: Gauge<'cluster' | 'program'>;
  readonly lagSlots: Gauge<'cluster' | 'program'>;
  readonly transactions: Counter<'cluster' | 'program'>;
  readonly events: Counter<'cluster' | 'program' | 'kind'>;
  readonly undecodable: Counter<'cluster' | 'program'>;
  readonly rpcDuration: Histogram<'cluster' | 'endpoint' | 'method'>;
  readonly rpcErrors: Counter<'cluster' | 'endpoint' | 'kind'>;
  readonly failovers: Counter<'cluster' | 'from' | 'to' | 'reason'>;
  readonly endpointUp: Gauge<'cluster' | 'endpoint'>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.headSlot = new Gauge({
      name: 'chain_indexer_solana_head_slot',
      help: 'Latest slot the RPC endpoint reported, per commitment read at',
      labelNames: ['cluster', 'commitment'],
      registers,
    });
    this.indexedSlot = new Gauge({
      name: 'chain_indexer_solana_indexed_slot',
      help: 'Slot up to which a program is indexed (events acknowledged by Kafka, checkpoint committed)',
      labelNames: ['cluster', 'program'],
      registers,
    });
    this.lagSlots = new Gauge({
      name: 'chain_indexer_solana_lag_slots',
      help: 'Head slot minus indexed slot, per program',
      labelNames: ['cluster', 'program'],
      registers,
    });
    this.transactions = new Counter({
      name: 'chain_indexer_solana_transactions_total',
      help: 'Transactions of watched programs indexed, failed ones included (rate() gives txs/s)',
      labelNames: ['cluster', 'program'],
      registers,
    });
    this.events = new Counter({
      name: 'chain_indexer_solana_events_published_total',
      help: 'chain.solana.tx.v1 events Kafka acknowledged',
      labelNames: ['cluster', 'program', 'kind'],
      registers,
    });
    this.undecodable = new Counter({
      name: 'chain_indexer_solana_undecodable_events_total',
      help: "Program event payloads the program's IDL does not describe, skipped",
      labelNames: ['cluster', 'program'],
      registers,
    });
    this.rpcDuration = new Histogram({
      name: 'chain_indexer_solana_rpc_request_duration_seconds',
      help: 'Solana RPC call latency per endpoint, answered or not',
      labelNames: ['cluster', 'endpoint', 'method'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.rpcErrors = new Counter({
      name: 'chain_indexer_solana_rpc_errors_total',
      help: 'Failed Solana RPC calls per endpoint and kind (timeout, rate-limited, http-5xx, rpc-error, network)',
      labelNames: ['cluster', 'endpoint', 'kind'],
      registers,
    });
    this.failovers = new Counter({
      name: 'chain_indexer_solana_rpc_failovers_total',
      help: 'Switches between Solana RPC endpoints (failover, failback, degraded)',
      labelNames: ['cluster', 'from', 'to', 'reason'],
      registers,
    });
    this.endpointUp = new Gauge({
      name: 'chain_indexer_solana_rpc_endpoint_up',
      help: '1 while the endpoint is in rotation, 0 while tripped (error rate, slow call, failures in a row)',
      labelNames: ['cluster', 'endpoint'],
      registers,
    });
  }
}
