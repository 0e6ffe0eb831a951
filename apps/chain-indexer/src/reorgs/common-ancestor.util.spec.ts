import type { Hex } from 'viem';
import { chainOf, hashOf } from './chain.fixture';
import { findCommonAncestor } from './common-ancestor.util';
import { RecentBlocks } from './recent-blocks.window';

const ref = (branch: string, number: bigint) => ({ number, hash: hashOf(branch, number) });

/** The node's canonical chain: branch `a` up to `forkAfter`, branch `b` above it up to `head`. */
function canonicalAfterFork(forkAfter: bigint, head: bigint) {
  const asked: bigint[] = [];
  const lookup = async (n: bigint): Promise<Hex | undefined> => {
    asked.push(n);
    if (n > head) return undefined;
    return n <= forkAfter ? hashOf('a', n) : hashOf('b', n);
  };
  return { lookup, asked };
}

describe(findCommonAncestor.name, () => {
  it('finds the newest block still canonical and lists the orphaned ones above it', async () => {
    const window = new RecentBlocks(20, chainOf('a', 100n, 105n));
    const { lookup, asked } = canonicalAfterFork(102n, 106n);
    expect(await findCommonAncestor(window, lookup)).toEqual({
      kind: 'found',
      commonAncestor: ref('a', 102n),
      orphaned: [ref('a', 103n), ref('a', 104n), ref('a', 105n)],
      depth: 3,
    });
    expect(asked).toEqual([105n, 104n, 103n, 102n]);
  });

  it('treats a height the node does not have as diverged (the new branch is shorter)', async () => {
    const window = new RecentBlocks(20, chainOf('a', 100n, 105n));
    const { lookup } = canonicalAfterFork(103n, 103n);
    expect(await findCommonAncestor(window, lookup)).toMatchObject({
      kind: 'found',
      depth: 2,
      commonAncestor: ref('a', 103n),
    });
  });

  it('says there was no divergence when the head is still canonical', async () => {
    const window = new RecentBlocks(20, chainOf('a', 100n, 105n));
    const { lookup, asked } = canonicalAfterFork(200n, 200n);
    expect(await findCommonAncestor(window, lookup)).toEqual({ kind: 'no-divergence' });
    expect(asked).toEqual([105n]);
  });

  it('reports a reorg deeper than the window, having checked down to its oldest block', async () => {
    const window = new RecentBlocks(20, chainOf('a', 100n, 105n));
    const { lookup } = canonicalAfterFork(90n, 110n);
    expect(await findCommonAncestor(window, lookup)).toEqual({ kind: 'beyond-window', checkedDownTo: 100n });
  });

  it('accepts a synchronous lookup and compares hashes case-insensitively', async () => {
    const window = new RecentBlocks(20, chainOf('a', 1n, 3n));
    const upper = (n: bigint) =>
      n <= 2n ? (hashOf('a', n).toUpperCase().replace('0X', '0x') as Hex) : hashOf('b', n);
    expect(await findCommonAncestor(window, upper)).toMatchObject({
      kind: 'found',
      commonAncestor: ref('a', 2n),
      depth: 1,
    });
  });

  it('reports an empty window as beyond it', async () => {
    expect(await findCommonAncestor(new RecentBlocks(5), () => undefined)).toEqual({
      kind: 'beyond-window',
      checkedDownTo: undefined,
    });
  });
});
