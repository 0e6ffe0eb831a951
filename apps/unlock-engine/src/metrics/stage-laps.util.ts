import { performance } from 'node:perf_hooks';

/** Where a stage's duration goes (a prom-client `Histogram<'stage'>` in the service). */
export interface StageSink {
  observe(labels: { stage: string }, seconds: number): void;
}

/** Marks the end of one stage; the time since the previous mark (or the start) is observed under its name. */
export type Lap = (stage: string) => void;

/**
 * A stopwatch for the stages of one batch: each `lap(stage)` observes the time since the previous
 * lap, so consecutive stages add up to the batch's wall time and none is counted twice. This is how
 * a slow batch shows where its time went (`unlock_engine_batch_stage_duration_seconds`).
 *
 * @example
 * const lap = stageLaps(metrics.batchStageSeconds);
 * await insertEvents(); lap('idempotency');
 * await upsertBalances(); lap('projection');
 */
export function stageLaps(sink: StageSink, now: () => number = () => performance.now()): Lap {
  let last = now();
  return (stage) => {
    const at = now();
    sink.observe({ stage }, (at - last) / 1000);
    last = at;
  };
}
