import { Inject, Injectable } from '@nestjs/common';
import { METRICS_REGISTRY } from '@convergence/telemetry';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Every oracle metric, declared once (STYLE.md); SLO: settlement p95 < 30 s, VRF success > 99%. */
@Injectable()
export class OracleMetrics {
  readonly settlementDuration: Histogram<'outcome'>;
  readonly settlementsInFlight: Gauge;
  readonly settlementsQueued: Gauge;
  readonly settlementTransitions: Counter<'state'>;
  readonly llmLatency: Histogram<'purpose' | 'outcome'>;
  readonly llmTokens: Counter<'model' | 'direction'>;
  readonly llmCost: Counter<'model'>;
  readonly llmFallbacks: Counter<'purpose' | 'reason'>;
  readonly llmCacheHits: Counter<'purpose'>;
  readonly vrfRequests: Counter<'outcome'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    const registers = [registry];
    this.settlementDuration = new Histogram({
      name: 'oracle_settlement_duration_seconds',
      help: 'From queued (market closed) to settled or failed',
      labelNames: ['outcome'],
      buckets: [1, 2, 5, 10, 20, 30, 60, 120, 300, 900],
      registers,
    });
    this.settlementsInFlight = new Gauge({
      name: 'oracle_settlements_in_flight',
      help: 'Markets a worker of this replica is advancing right now',
      registers,
    });
    this.settlementsQueued = new Gauge({
      name: 'oracle_settlements_queued',
      help: 'Markets not yet settled or failed (all replicas)',
      registers,
    });
    this.settlementTransitions = new Counter({
      name: 'oracle_settlement_transitions_total',
      help: 'Settlement state changes, by new state',
      labelNames: ['state'],
      registers,
    });
    this.llmLatency = new Histogram({
      name: 'oracle_llm_request_duration_seconds',
      help: 'Messages API calls including SDK retries',
      labelNames: ['purpose', 'outcome'],
      buckets: [0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120],
      registers,
    });
    this.llmTokens = new Counter({
      name: 'oracle_llm_tokens_total',
      help: 'Tokens billed by Claude',
      labelNames: ['model', 'direction'],
      registers,
    });
    this.llmCost = new Counter({
      name: 'oracle_llm_cost_usd_total',
      help: 'Cost of Claude calls at the configured prices, USD',
      labelNames: ['model'],
      registers,
    });
    this.llmFallbacks = new Counter({
      name: 'oracle_llm_fallbacks_total',
      help: 'Answers given by the local fallback instead of Claude',
      labelNames: ['purpose', 'reason'],
      registers,
    });
    this.llmCacheHits = new Counter({
      name: 'oracle_llm_cache_hits_total',
      help: 'Requests answered from the content-hash cache (Claude calls saved)',
      labelNames: ['purpose'],
      registers,
    });
    this.vrfRequests = new Counter({
      name: 'oracle_vrf_requests_total',
      help: 'VRF requests by outcome: requested, fulfilled, timed_out',
      labelNames: ['outcome'],
      registers,
    });
  }
}
