import { chainOf, hashOf } from './chain.fixture';
import { RecentBlocks } from './recent-blocks.window';
import { ReorgError } from './reorg.error';

describe(RecentBlocks.name, () => {
  it('keeps a linked chain and knows its head, oldest block and each hash', () => {
    const window = new RecentBlocks(10, chainOf('a', 100n, 104n));
    expect(window.head()?.number).toBe(104n);
    expect(window.oldest()?.number).toBe(100n);
    expect(window.at(102n)?.hash).toBe(hashOf('a', 102n));
    expect(window.at(99n)).toBeUndefined();
  });

  it('drops the oldest block past its capacity', () => {
    const window = new RecentBlocks(3, chainOf('a', 1n, 5n));
    expect(window.blocks().map((b) => b.number)).toEqual([3n, 4n, 5n]);
    expect(window.size).toBe(3);
    expect(window.oldest()?.number).toBe(3n);
  });

  it('is sized for finality depth + the ancestor + a margin', () => {
    expect(RecentBlocks.forFinality(64).capacity).toBe(75);
    expect(RecentBlocks.forFinality(2, 0).capacity).toBe(3);
  });

  it('accepts any first block, then only children of the head', () => {
    const window = new RecentBlocks(5, chainOf('a', 50n, 50n));
    expect(() => window.add(chainOf('b', 51n, 51n)[0])).toThrow(ReorgError);
    expect(() => window.add(chainOf('a', 52n, 52n)[0])).toThrow(
      expect.objectContaining({ code: 'not-a-child' }),
    );
    window.add(chainOf('a', 51n, 51n)[0]);
    expect(window.head()?.number).toBe(51n);
  });

  it('accepts a child whose parent hash differs only in case', () => {
    const window = new RecentBlocks(5, chainOf('a', 1n, 1n));
    const [child] = chainOf('a', 2n, 2n);
    window.add({
      ...child,
      parentHash: child.parentHash.toUpperCase().replace('0X', '0x') as typeof child.parentHash,
    });
    expect(window.head()?.number).toBe(2n);
  });

  it('rewinds to a block, returning the dropped branch oldest first, and grows a new branch from there', () => {
    const window = new RecentBlocks(10, chainOf('a', 1n, 6n));
    expect(window.rewindTo(4n).map((b) => b.number)).toEqual([5n, 6n]);
    expect(window.head()?.hash).toBe(hashOf('a', 4n));
    chainOf('b', 5n, 7n, hashOf('a', 4n)).forEach((b) => window.add(b));
    expect(window.blocks().map((b) => b.hash)).toEqual([
      ...chainOf('a', 1n, 4n).map((b) => b.hash),
      ...chainOf('b', 5n, 7n).map((b) => b.hash),
    ]);
  });

  it('is empty after rewinding below its oldest block', () => {
    const window = new RecentBlocks(10, chainOf('a', 10n, 12n));
    window.rewindTo(5n);
    expect(window.head()).toBeUndefined();
    expect(window.size).toBe(0);
  });
});
