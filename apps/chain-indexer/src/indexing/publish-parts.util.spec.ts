import { publishPartsOf } from './publish-parts.util';

/** Logs named by block and index, in chain order: `logs(5, 6, 6)` → blocks 5, 6 and 6. */
const logs = (...blocks: number[]) => blocks.map((b, i) => ({ blockNumber: String(b), i }));
const shape = (parts: ReturnType<typeof publishPartsOf<{ blockNumber: string; i: number }>>) =>
  parts.map((p) => ({
    blocks: p.logs.map((l) => Number(l.blockNumber)),
    from: p.range.from,
    to: p.range.to,
  }));

describe(publishPartsOf.name, () => {
  it('keeps a range under the cap as one part covering the whole range', () => {
    expect(shape(publishPartsOf(logs(3, 3, 7), { from: 1n, to: 9n }, 3))).toEqual([
      { blocks: [3, 3, 7], from: 1n, to: 9n },
    ]);
  });

  it('gives a range without logs one empty part, so its checkpoint still moves', () => {
    expect(shape(publishPartsOf([], { from: 10n, to: 19n }, 5))).toEqual([
      { blocks: [], from: 10n, to: 19n },
    ]);
  });

  it('cuts only between blocks, each part ending at its last block and the next starting right after', () => {
    expect(shape(publishPartsOf(logs(2, 2, 4, 4, 4, 8, 9), { from: 1n, to: 12n }, 3))).toEqual([
      { blocks: [2, 2], from: 1n, to: 2n },
      { blocks: [4, 4, 4], from: 3n, to: 4n },
      { blocks: [8, 9], from: 5n, to: 12n },
    ]);
  });

  it('never splits a block: one over the cap is a part of its own', () => {
    expect(shape(publishPartsOf(logs(1, 5, 5, 5, 5, 6), { from: 1n, to: 6n }, 2))).toEqual([
      { blocks: [1], from: 1n, to: 1n },
      { blocks: [5, 5, 5, 5], from: 2n, to: 5n },
      { blocks: [6], from: 6n, to: 6n },
    ]);
  });

  it('keeps every log once and in order', () => {
    const input = logs(1, 1, 2, 3, 3, 3, 4, 5, 5, 6, 7, 7, 7, 7, 8);
    const parts = publishPartsOf(input, { from: 0n, to: 10n }, 4);
    expect(parts.flatMap((p) => p.logs)).toEqual(input);
    expect(parts.every((p) => p.logs.length <= 4)).toBe(true);
    parts.slice(1).forEach((p, k) => expect(p.range.from).toBe(parts[k]!.range.to + 1n));
  });

  it('refuses a cap below one log', () => {
    expect(() => publishPartsOf(logs(1), { from: 1n, to: 1n }, 0)).toThrow('maxLogs must be ≥ 1, got 0');
  });
});
