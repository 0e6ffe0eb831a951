/**
 * The nearest-rank percentile `p` (0 < p ≤ 100) of some values; undefined when there are none.
 * Nearest rank returns a value that was observed, which is what an operator reading p95 expects.
 *
 * @example
 * percentileOf([40, 10, 30, 20], 50) // 20
 */
export function percentileOf(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1];
}
