import { forkPointOf, safeHeadOf } from './fork-point.util';

describe(forkPointOf.name, () => {
  const lookup = (chain: Record<string, string>) => (n: bigint) => Promise.resolve(chain[n.toString()]);

  it('returns the newest remembered block whose hash the chain still has', async () => {
    const seen = [
      { number: 14n, hash: '0x14-old' },
      { number: 12n, hash: '0x12-old' },
      { number: 10n, hash: '0x10' },
    ];
    expect(await forkPointOf(seen, lookup({ '14': '0x14-new', '12': '0x12-new', '10': '0x10' }))).toBe(10n);
  });

  it('treats a block the shorter chain no longer has as orphaned', async () => {
    const seen = [
      { number: 9n, hash: '0x9' },
      { number: 8n, hash: '0x8' },
    ];
    expect(await forkPointOf(seen, lookup({ '8': '0x8' }))).toBe(8n);
  });

  it('returns undefined when the reorg is deeper than every remembered block', async () => {
    expect(await forkPointOf([{ number: 3n, hash: '0x3' }], lookup({ '3': '0x3-new' }))).toBeUndefined();
  });
});

describe(safeHeadOf.name, () => {
  it('stays the confirmation depth below the head', () => {
    expect(safeHeadOf(100n, 0)).toBe(100n);
    expect(safeHeadOf(100n, 12)).toBe(88n);
  });
});
