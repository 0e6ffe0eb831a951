import { Inject, Injectable } from '@nestjs/common';
import { METRICS_REGISTRY } from '@convergence/telemetry';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Every metric the gateway adds to the shared registry (HTTP request metrics come from libs/telemetry). */
@Injectable()
export class GatewayMetrics {
  readonly authAttempts: Counter<'action' | 'success'>;
  readonly rateLimited: Counter<'route'>;
  readonly upstreamSeconds: Histogram<'service' | 'status'>;
  readonly cacheLookups: Counter<'answer' | 'result'>;
  readonly fastPathAnswers: Counter<'route'>;
  readonly liveEvents: Counter<'topic'>;
  readonly liveConnections: Gauge;
  readonly contractOperations: Counter<'operation' | 'mode' | 'outcome'>;
  readonly contractReverts: Counter<'contract' | 'operation'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    const registers = [registry];
    this.authAttempts = new Counter({
      name: 'api_gateway_auth_attempts_total',
      help: 'Sign-in, refresh and API-key attempts by outcome',
      labelNames: ['action', 'success'],
      registers,
    });
    this.rateLimited = new Counter({
      name: 'api_gateway_rate_limited_total',
      help: 'Requests answered 429 by route',
      labelNames: ['route'],
      registers,
    });
    this.upstreamSeconds = new Histogram({
      name: 'api_gateway_upstream_request_duration_seconds',
      help: 'Time of requests forwarded to the owning services; status "error" when none answered',
      labelNames: ['service', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.cacheLookups = new Counter({
      name: 'api_gateway_cache_lookups_total',
      help: 'Eligibility and profile cache lookups by result (hit, miss)',
      labelNames: ['answer', 'result'],
      registers,
    });
    this.fastPathAnswers = new Counter({
      name: 'api_gateway_fast_path_answers_total',
      help: 'Cached reads answered by the fast path ahead of Express and Nest, by route id',
      labelNames: ['route'],
      registers,
    });
    this.liveEvents = new Counter({
      name: 'api_gateway_live_events_total',
      help: 'Kafka events pushed to WebSocket rooms',
      labelNames: ['topic'],
      registers,
    });
    this.liveConnections = new Gauge({
      name: 'api_gateway_live_connections',
      help: 'WebSocket clients connected now',
      registers,
    });
    this.contractOperations = new Counter({
      name: 'api_gateway_contract_operations_total',
      help: 'Emergency operations on contracts by operation, mode and outcome (mined, proposed, or the error code)',
      labelNames: ['operation', 'mode', 'outcome'],
      registers,
    });
    this.contractReverts = new Counter({
      name: 'api_gateway_contract_reverts_total',
      help: 'Emergency operations the contract refused (dry-run revert) or that reverted when mined',
      labelNames: ['contract', 'operation'],
      registers,
    });
  }
}
