import { checkpointAfter, lagSlotsOf, walkBoundsOf } from './solana-checkpoint.util';

const program = { startSignature: undefined, startSlot: 0n };
const sig = (signature: string, slot: bigint) => ({ signature, slot, failed: false });

describe(walkBoundsOf.name, () => {
  it('starts from the configured slot or signature without a checkpoint', () => {
    expect(walkBoundsOf(undefined, { ...program, startSlot: 42n }, 500)).toEqual({
      until: undefined,
      minSlot: 42n,
      pageSize: 500,
    });
    expect(walkBoundsOf(undefined, { ...program, startSignature: 'abc' }, 500).until).toBe('abc');
  });

  it('resumes after the checkpoint, whatever the configuration says', () => {
    const checkpoint = { lastSignature: 'sig-7', lastSlot: 107n, indexedSlot: 110n };
    expect(walkBoundsOf(checkpoint, { startSignature: 'abc', startSlot: 5n }, 10)).toEqual({
      until: 'sig-7',
      minSlot: 107n,
      pageSize: 10,
    });
  });
});

describe(`${walkBoundsOf.name} after a re-index`, () => {
  it('walks from the requested slot, ignoring the configured start', () => {
    const reindex = { lastSignature: undefined, lastSlot: 300n, indexedSlot: 299n };
    expect(walkBoundsOf(reindex, { startSignature: 'abc', startSlot: 5n }, 10)).toEqual({
      until: undefined,
      minSlot: 300n,
      pageSize: 10,
    });
  });
});

describe(checkpointAfter.name, () => {
  it('keeps the slot of a mid-walk batch open, since it may continue in the next batch', () => {
    expect(
      checkpointAfter(undefined, [sig('a', 10n), sig('b', 12n)], { head: 50n, walkDone: false }),
    ).toEqual({
      lastSignature: 'b',
      lastSlot: 12n,
      indexedSlot: 11n,
    });
  });

  it('reaches the head read before the walk after its last batch', () => {
    expect(checkpointAfter(undefined, [sig('a', 10n)], { head: 50n, walkDone: true }).indexedSlot).toBe(50n);
  });

  it('moves only the indexed slot on an empty walk, and never backwards', () => {
    const previous = { lastSignature: 'a', lastSlot: 10n, indexedSlot: 60n };
    expect(checkpointAfter(previous, [], { head: 70n, walkDone: true })).toEqual({
      ...previous,
      indexedSlot: 70n,
    });
    expect(checkpointAfter(previous, [], { head: 55n, walkDone: true }).indexedSlot).toBe(60n);
  });
});

describe(lagSlotsOf.name, () => {
  it('is the head minus the indexed slot, never negative', () => {
    expect(lagSlotsOf(100n, 90n)).toBe(10n);
    expect(lagSlotsOf(100n, 120n)).toBe(0n);
    expect(lagSlotsOf(100n, undefined)).toBe(100n);
  });
});
