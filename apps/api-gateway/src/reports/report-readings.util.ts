import type { PromSample } from './prom-text.util';
import type { SampledSeries } from './metric-sample.model';

/** Requests that are not API traffic: scrapes and readiness probes. */
const PROBE_ROUTES = new Set(['/metrics', '/ready']);

/**
 * The readings the weekly report needs from one service's metrics, summed over their labels:
 * a histogram becomes `<prefix>_bucket:<le>` per bucket plus `<prefix>_count`.
 *
 * @example
 * readingsOf('oracle', parsePromText(text)) // { llm_calls: 12, llm_cost_usd: 0.4, 'llm_latency_bucket:1': 9, … }
 */
export function readingsOf(service: string, samples: readonly PromSample[]): SampledSeries {
  const readings: SampledSeries = {};
  const add = (key: string, value: number) => {
    if (Number.isFinite(value)) readings[key] = (readings[key] ?? 0) + value;
  };
  const buckets = (prefix: string, s: PromSample) => add(`${prefix}_bucket:${s.labels['le']}`, s.value);
  for (const s of samples) {
    // Every service's own SQL statements (libs/service-kit QueryMetrics).
    if (s.name === 'db_client_operation_duration_seconds_bucket') buckets('db_query', s);
    if (service === 'api-gateway') {
      if (PROBE_ROUTES.has(s.labels['route'] ?? '')) continue;
      if (s.name === 'http_requests_total') {
        add('api_requests', s.value);
        if ((s.labels['status_code'] ?? '').startsWith('5')) add('api_errors_5xx', s.value);
      } else if (s.name === 'http_request_duration_seconds_bucket') buckets('api_latency', s);
      else if (s.name === 'api_gateway_contract_reverts_total') add('contract_reverts', s.value);
    } else if (service === 'oracle') {
      if (s.name === 'oracle_llm_request_duration_seconds_bucket') buckets('llm_latency', s);
      else if (s.name === 'oracle_llm_request_duration_seconds_count') add('llm_calls', s.value);
      else if (s.name === 'oracle_llm_cost_usd_total') add('llm_cost_usd', s.value);
      else if (s.name === 'oracle_transactions_total' && s.labels['outcome'] === 'reverted')
        add('contract_reverts', s.value);
    } else if (service === 'unlock-engine') {
      if (s.name === 'unlock_engine_achievements_total') add('unlocks_achieved', s.value);
    } else if (service === 'chain-indexer') {
      if (s.name === 'chain_indexer_rpc_errors_total' || s.name === 'chain_indexer_solana_rpc_errors_total')
        add('rpc_errors', s.value);
    }
  }
  return readings;
}

/** When the scraped process started (prom-client's default `process_start_time_seconds`), if it says. */
export function processStartOf(samples: readonly PromSample[]): Date | null {
  const start = samples.find((s) => s.name === 'process_start_time_seconds');
  return start ? new Date(start.value * 1000) : null;
}
