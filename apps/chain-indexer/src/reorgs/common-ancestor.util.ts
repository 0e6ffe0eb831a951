import type { Hex } from 'viem';
import { isSameHash } from './chain-block.model';
import type { RecentBlocks } from './recent-blocks.window';
import { reorgAbove, type ResolvedReorg } from './reorg-detection.util';

/** The canonical hash at a height now, or undefined when the node has no block there (yet). */
export type CanonicalHashLookup = (number: bigint) => Promise<Hex | undefined> | Hex | undefined;

export type CommonAncestorSearch =
  /** The head we have is still canonical: nothing was orphaned. */
  | { readonly kind: 'no-divergence' }
  | ({ readonly kind: 'found' } & ResolvedReorg)
  /** No block of the window is canonical any more: deeper than the window, so deeper than finality. */
  | { readonly kind: 'beyond-window'; readonly checkedDownTo: bigint | undefined };

/**
 * The newest block of the window that is still on the canonical chain, asking `canonicalHashAt` from
 * the head down, one height at a time: reorgs are mostly one or two blocks deep, so this costs
 * depth + 1 lookups where a bisection would always cost log2(window). The window is one linked
 * chain, so the first match is the common ancestor and everything above it was orphaned.
 *
 * @example
 * await findCommonAncestor(window, async (n) => (await client.getBlock({ blockNumber: n })).hash)
 * // { kind: 'found', commonAncestor: { number: 98n, … }, orphaned: [{ number: 99n, … }, { number: 100n, … }], depth: 2 }
 */
export async function findCommonAncestor(
  window: RecentBlocks,
  canonicalHashAt: CanonicalHashLookup,
): Promise<CommonAncestorSearch> {
  const blocks = window.blocks().reverse();
  for (const block of blocks) {
    const canonical = await canonicalHashAt(block.number);
    if (canonical !== undefined && isSameHash(canonical, block.hash)) {
      const reorg = reorgAbove(window, block);
      return reorg.depth === 0 ? { kind: 'no-divergence' } : { kind: 'found', ...reorg };
    }
  }
  return { kind: 'beyond-window', checkedDownTo: blocks.at(-1)?.number };
}
