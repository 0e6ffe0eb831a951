import { chainOf, hashOf } from './chain.fixture';
import { RecentBlocks } from './recent-blocks.window';
import { detectReorg } from './reorg-detection.util';

const ref = (branch: string, number: bigint) => ({ number, hash: hashOf(branch, number) });
const windowOf = () => new RecentBlocks(20, chainOf('a', 100n, 105n));

describe(detectReorg.name, () => {
  it("says a block extends the chain when it is the head's child", () => {
    expect(detectReorg(windowOf(), chainOf('a', 106n, 106n)[0])).toEqual({ kind: 'extends' });
  });

  it('lets the first block of an empty window extend it', () => {
    expect(detectReorg(new RecentBlocks(5), chainOf('a', 7n, 7n)[0])).toEqual({ kind: 'extends' });
  });

  it('says nothing happened for the head it already has', () => {
    expect(detectReorg(windowOf(), chainOf('a', 105n, 105n)[0])).toEqual({ kind: 'none' });
  });

  it('names the missing blocks when the new head is more than one block ahead', () => {
    expect(detectReorg(windowOf(), chainOf('a', 109n, 109n)[0])).toEqual({
      kind: 'gap',
      from: 106n,
      to: 108n,
    });
  });

  it('resolves a reorg when a replacement block links to a block in the window', () => {
    const [replacement] = chainOf('b', 104n, 104n, hashOf('a', 103n));
    expect(detectReorg(windowOf(), replacement)).toEqual({
      kind: 'reorg',
      commonAncestor: ref('a', 103n),
      orphaned: [ref('a', 104n), ref('a', 105n)],
      depth: 2,
    });
  });

  it('resolves a one-block reorg of the head', () => {
    const [replacement] = chainOf('b', 105n, 105n, hashOf('a', 104n));
    expect(detectReorg(windowOf(), replacement)).toMatchObject({
      kind: 'reorg',
      depth: 1,
      orphaned: [ref('a', 105n)],
    });
  });

  it("flags a changed parent hash on the head's child as a reorg with an unknown ancestor", () => {
    const [child] = chainOf('b', 106n, 106n);
    expect(detectReorg(windowOf(), child)).toEqual({
      kind: 'reorg-ancestor-unknown',
      head: ref('a', 105n),
      incoming: ref('b', 106n),
    });
  });

  it('flags a replacement whose parent is not in the window as a reorg with an unknown ancestor', () => {
    const [replacement] = chainOf('b', 103n, 103n);
    expect(detectReorg(windowOf(), replacement)).toMatchObject({ kind: 'reorg-ancestor-unknown' });
  });

  it('reports a head that moved backwards onto a block it already has', () => {
    expect(detectReorg(windowOf(), chainOf('a', 103n, 103n)[0])).toEqual({
      kind: 'head-moved-backwards',
      head: ref('a', 105n),
      incoming: ref('a', 103n),
    });
  });

  it('reports a head below the window as moved backwards (nothing to compare it with)', () => {
    expect(detectReorg(windowOf(), chainOf('z', 50n, 50n)[0])).toMatchObject({
      kind: 'head-moved-backwards',
    });
  });
});
