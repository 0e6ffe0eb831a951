import type { SamplePoint } from './metric-sample.model';

/** A window of time; a sample taken exactly at its end belongs to it (the report samples "now" first). */
export interface TimeWindow {
  start: Date;
  end: Date;
}

/** How much a counter grew in a window, and which part of the window the samples cover. */
export interface WindowIncrease {
  value: number;
  coveredFrom: Date;
  coveredTo: Date;
}

/**
 * How much a cumulative reading grew within the window, from samples sorted by time (the last one
 * before the window included, as the baseline) — Prometheus' increase() for stored samples:
 * - a new `processStart` (or a drop) is a restart: the reading counts again from 0;
 * - a process that started inside the window counted everything inside it;
 * - the step from the baseline to the first sample in the window is prorated by time;
 * - without any of these, the window is covered only from its first sample.
 * Undefined when no sample in the window has readings.
 *
 * @example
 * increaseIn(points, 'unlocks_achieved', { start, end }) // { value: 42, coveredFrom: start, coveredTo: … }
 */
export function increaseIn(
  points: readonly SamplePoint[],
  key: string,
  window: TimeWindow,
): WindowIncrease | undefined {
  const read = (p: SamplePoint) => p.readings[key] ?? 0;
  const scraped = points.filter((p) => p.up || Object.keys(p.readings).length > 0);
  const inside = scraped.filter((p) => p.at >= window.start && p.at <= window.end);
  const first = inside[0];
  if (!first) return undefined;
  const before = [...scraped].reverse().find((p) => p.at < window.start);
  let value: number;
  let coveredFrom: Date;
  if (before && sameProcess(before, first) && read(first) >= read(before)) {
    const share = (first.at.getTime() - window.start.getTime()) / (first.at.getTime() - before.at.getTime());
    value = (read(first) - read(before)) * share;
    coveredFrom = window.start;
  } else if (first.processStart && first.processStart >= window.start) {
    value = read(first);
    coveredFrom = first.processStart;
  } else if (before) {
    // A restart between the baseline and the first sample: it counted from 0 since then.
    value = read(first);
    coveredFrom = window.start;
  } else {
    value = 0;
    coveredFrom = first.at;
  }
  for (let i = 1; i < inside.length; i++) {
    const [a, b] = [inside[i - 1]!, inside[i]!];
    value += sameProcess(a, b) && read(b) >= read(a) ? read(b) - read(a) : read(b);
  }
  return { value, coveredFrom, coveredTo: inside[inside.length - 1]!.at };
}

function sameProcess(a: SamplePoint, b: SamplePoint): boolean {
  return (a.processStart?.getTime() ?? null) === (b.processStart?.getTime() ?? null);
}

/**
 * The q-quantile of a histogram's bucket increases (`<prefix>_bucket:<le>` keys), interpolated
 * within the bucket as Prometheus' histogram_quantile() does; undefined without observations.
 *
 * @example
 * quantileOf(0.95, [{ le: 0.1, count: 90 }, { le: 0.5, count: 100 }, { le: Infinity, count: 100 }]) // 0.3
 */
export function quantileOf(q: number, buckets: readonly { le: number; count: number }[]): number | undefined {
  const sorted = [...buckets].sort((a, b) => a.le - b.le);
  const total = sorted[sorted.length - 1]?.count ?? 0;
  if (total <= 0) return undefined;
  const rank = q * total;
  let lower = 0;
  let below = 0;
  for (const bucket of sorted) {
    if (bucket.count >= rank) {
      if (bucket.le === Infinity) return lower;
      const inBucket = bucket.count - below;
      return inBucket <= 0 ? bucket.le : lower + ((bucket.le - lower) * (rank - below)) / inBucket;
    }
    lower = bucket.le;
    below = bucket.count;
  }
  return lower;
}

/** The bucket increases of a histogram reading in the window, for quantileOf. */
export function bucketIncreasesIn(
  points: readonly SamplePoint[],
  prefix: string,
  window: TimeWindow,
): { buckets: { le: number; count: number }[]; coverage?: WindowIncrease } {
  const keys = new Set(
    points.flatMap((p) => Object.keys(p.readings)).filter((k) => k.startsWith(`${prefix}_bucket:`)),
  );
  const buckets: { le: number; count: number }[] = [];
  let coverage: WindowIncrease | undefined;
  for (const key of keys) {
    const increase = increaseIn(points, key, window);
    if (!increase) continue;
    coverage ??= increase;
    const le = key.slice(prefix.length + '_bucket:'.length);
    buckets.push({ le: le === '+Inf' ? Infinity : Number(le), count: increase.value });
  }
  return { buckets, ...(coverage ? { coverage } : {}) };
}

/**
 * The share of the window a process was seen running, from its periodic self-samples: a gap longer
 * than 1.5 sampling intervals counts as down. Measured from the window start when a sample precedes
 * it, else from the first sample (before that nothing is known).
 */
export function uptimeFromSamples(
  times: readonly Date[],
  window: TimeWindow,
  intervalMs: number,
): { ratio: number; from: Date } | undefined {
  const sorted = [...times].sort((a, b) => a.getTime() - b.getTime());
  const inside = sorted.filter((t) => t >= window.start && t <= window.end);
  if (inside.length === 0) return undefined;
  const hadBefore = sorted.some((t) => t < window.start);
  const from = hadBefore ? window.start : inside[0]!;
  const to = window.end;
  const span = to.getTime() - from.getTime();
  if (span <= 0) return { ratio: 1, from };
  const tolerance = intervalMs * 1.5;
  const marks = [from, ...inside, to].map((t) => t.getTime());
  let down = 0;
  for (let i = 1; i < marks.length; i++) down += Math.max(0, marks[i]! - marks[i - 1]! - tolerance);
  return { ratio: Math.max(0, 1 - down / span), from };
}
