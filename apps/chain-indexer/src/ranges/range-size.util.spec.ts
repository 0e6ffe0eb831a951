import { defaultRangeSizePolicy, initialRangeSize, nextRangeSize, type RangeSize } from './range-size.util';

const size = (blocks: bigint, ceiling = 10_000n): RangeSize => ({ blocks, ceiling });
const ok = (blocks: bigint, logs: number, durationMs: number) => ({
  kind: 'ok' as const,
  blocks,
  logs,
  durationMs,
});

describe(nextRangeSize.name, () => {
  it('doubles after a full-size response with few logs that came back fast', () => {
    expect(nextRangeSize(size(100n), ok(100n, 3, 120))).toEqual(size(200n));
  });

  it('never grows past the ceiling', () => {
    expect(nextRangeSize(size(8_000n), ok(8_000n, 0, 50))).toEqual(size(10_000n));
    expect(nextRangeSize(size(10_000n), ok(10_000n, 0, 50))).toEqual(size(10_000n));
  });

  it('does not grow on a short range (the last one before the head)', () => {
    expect(nextRangeSize(size(100n), ok(4n, 0, 20))).toEqual(size(100n));
  });

  it('keeps the size when the response was not small or not fast, but not heavy either', () => {
    expect(nextRangeSize(size(100n), ok(100n, 1_500, 100))).toEqual(size(100n));
    expect(nextRangeSize(size(100n), ok(100n, 10, 3_000))).toEqual(size(100n));
  });

  it('halves ahead of errors after a heavy or slow response', () => {
    expect(nextRangeSize(size(1_000n), ok(1_000n, 2_500, 100))).toEqual(size(500n));
    expect(nextRangeSize(size(1_000n), ok(1_000n, 10, 4_500))).toEqual(size(500n));
  });

  it('halves the refused range when the provider gave no hint', () => {
    expect(nextRangeSize(size(1_000n), { kind: 'too-large', blocks: 1_000n })).toEqual(size(500n));
  });

  it('halves from the refused range when it was smaller than the current size', () => {
    expect(nextRangeSize(size(1_000n), { kind: 'too-large', blocks: 300n })).toEqual(size(150n));
  });

  it("takes the provider's suggested size without lowering the ceiling", () => {
    expect(nextRangeSize(size(2_000n), { kind: 'too-large', blocks: 2_000n, suggestedBlocks: 256n })).toEqual(
      size(256n),
    );
  });

  it("lowers the ceiling for good to the provider's stated cap", () => {
    const capped = nextRangeSize(size(8_000n), { kind: 'too-large', blocks: 8_000n, maxBlocks: 5_000n });
    expect(capped).toEqual(size(5_000n, 5_000n));
    expect(nextRangeSize(capped, ok(5_000n, 0, 10))).toEqual(size(5_000n, 5_000n));
  });

  it('always asks for fewer blocks than were refused, whatever the hint says', () => {
    expect(nextRangeSize(size(500n), { kind: 'too-large', blocks: 500n, suggestedBlocks: 900n })).toEqual(
      size(499n),
    );
  });

  it('halves after a timeout', () => {
    expect(nextRangeSize(size(400n), { kind: 'timeout', blocks: 400n })).toEqual(size(200n));
  });

  it('keeps the size after a failure that says nothing about the range', () => {
    expect(nextRangeSize(size(400n), { kind: 'transient' })).toEqual(size(400n));
  });

  it('never goes below the minimum', () => {
    expect(nextRangeSize(size(1n), { kind: 'too-large', blocks: 1n })).toEqual(size(1n));
    expect(nextRangeSize(size(1n), { kind: 'timeout', blocks: 1n })).toEqual(size(1n));
  });
});

describe(initialRangeSize.name, () => {
  it('starts at 10 blocks under the policy ceiling, clamped to the policy', () => {
    expect(initialRangeSize()).toEqual(size(10n, defaultRangeSizePolicy.maxBlocks));
    expect(initialRangeSize({ ...defaultRangeSizePolicy, maxBlocks: 5n })).toEqual(size(5n, 5n));
  });
});
