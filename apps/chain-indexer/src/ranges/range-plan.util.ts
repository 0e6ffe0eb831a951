import type { BlockRange } from './block-range.model';

/**
 * Consecutive ranges of at most `size` blocks that cover `[from, to]` exactly once, in order;
 * empty when `from > to` (nothing new to index).
 *
 * @example
 * planRanges(0n, 9n, 4n) // [{ from: 0n, to: 3n }, { from: 4n, to: 7n }, { from: 8n, to: 9n }]
 */
export function planRanges(from: bigint, to: bigint, size: bigint): BlockRange[] {
  if (size < 1n) throw new RangeError(`range size must be at least 1 block, got ${size}`);
  const ranges: BlockRange[] = [];
  for (let start = from; start <= to; start += size) {
    const end = start + size - 1n;
    ranges.push({ from: start, to: end < to ? end : to });
  }
  return ranges;
}
