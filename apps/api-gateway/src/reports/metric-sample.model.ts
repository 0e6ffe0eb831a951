/**
 * The readings a sample keeps: a few sums over a service's series, named for what the report needs
 * (`api_requests`, `llm_cost_usd`, `api_latency_bucket:0.5`, …). Cumulative within one process.
 */
export type SampledSeries = Record<string, number>;

/** A stored sample, as the report computation reads it. */
export interface SamplePoint {
  at: Date;
  up: boolean;
  /** When the sampled process started; a change means its counters started again from 0. */
  processStart: Date | null;
  readings: SampledSeries;
}

/** Where samples come from: the services behind the gateway, and each gateway instance itself. */
export type SampleSource =
  | 'chain-indexer'
  | 'unlock-engine'
  | 'oracle'
  | 'alert-router'
  | `api-gateway:${string}`;
