import { blockCountOf } from './block-range.model';
import { planRanges } from './range-plan.util';

describe(planRanges.name, () => {
  it('cuts [from, to] into consecutive ranges of the given size with a shorter last one', () => {
    expect(planRanges(0n, 9n, 4n)).toEqual([
      { from: 0n, to: 3n },
      { from: 4n, to: 7n },
      { from: 8n, to: 9n },
    ]);
  });

  it('covers every block exactly once, for any size', () => {
    for (const size of [1n, 2n, 3n, 7n, 100n, 1_000n]) {
      const ranges = planRanges(17_000_000n, 17_000_250n, size);
      expect(ranges[0].from).toBe(17_000_000n);
      expect(ranges.at(-1)?.to).toBe(17_000_250n);
      ranges.slice(1).forEach((range, i) => expect(range.from).toBe(ranges[i].to + 1n));
      expect(ranges.reduce((sum, r) => sum + blockCountOf(r), 0n)).toBe(251n);
      expect(ranges.every((r) => blockCountOf(r) <= size && r.from <= r.to)).toBe(true);
    }
  });

  it('is one single-block range when from equals to', () => {
    expect(planRanges(5n, 5n, 10n)).toEqual([{ from: 5n, to: 5n }]);
  });

  it('is empty when from is past to (nothing new to index)', () => {
    expect(planRanges(11n, 10n, 10n)).toEqual([]);
  });

  it('refuses a size below one block', () => {
    expect(() => planRanges(0n, 10n, 0n)).toThrow(RangeError);
  });
});
