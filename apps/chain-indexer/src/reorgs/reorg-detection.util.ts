import { type BlockRef, blockRefOf, type ChainBlock, isSameHash } from './chain-block.model';
import type { RecentBlocks } from './recent-blocks.window';

/** A reorg whose common ancestor is known: the blocks above it were orphaned. */
export interface ResolvedReorg {
  readonly commonAncestor: BlockRef;
  /** Oldest first. */
  readonly orphaned: readonly BlockRef[];
  /** How many blocks were orphaned. */
  readonly depth: number;
}

export type ReorgDetection =
  /** The block is the head we already have. */
  | { readonly kind: 'none' }
  /** The block is the head's child (or the window is empty): add it. */
  | { readonly kind: 'extends' }
  /** Blocks are missing between the head and this one: fetch `from`..`to` and feed them first. */
  | { readonly kind: 'gap'; readonly from: bigint; readonly to: bigint }
  /** The block's parent is in the window but is not the head: the blocks above the parent were orphaned. */
  | ({ readonly kind: 'reorg' } & ResolvedReorg)
  /** The block does not link to the window where it should: look for the ancestor with `findCommonAncestor`. */
  | { readonly kind: 'reorg-ancestor-unknown'; readonly head: BlockRef; readonly incoming: BlockRef }
  /**
   * The block is one we have, below the head: the node is behind (a lagging backup) or the blocks
   * above were dropped. Nothing to publish on this evidence alone; re-check with `findCommonAncestor`.
   */
  | { readonly kind: 'head-moved-backwards'; readonly head: BlockRef; readonly incoming: BlockRef };

/**
 * What a newly seen block means for the chain the indexer followed, judged from the recent-block
 * window alone (no RPC call): extends it, is already known, leaves a gap, reorganises it (with the
 * orphaned blocks when its parent is in the window), or is an older block than the head.
 *
 * @example
 * detectReorg(window, { number: 101n, hash: '0xb…', parentHash: '0xa…' }) // { kind: 'extends' }
 */
export function detectReorg(window: RecentBlocks, incoming: ChainBlock): ReorgDetection {
  const head = window.head();
  if (!head) return { kind: 'extends' };
  if (incoming.number > head.number + 1n)
    return { kind: 'gap', from: head.number + 1n, to: incoming.number - 1n };
  if (incoming.number === head.number + 1n) {
    if (isSameHash(incoming.parentHash, head.hash)) return { kind: 'extends' };
    return { kind: 'reorg-ancestor-unknown', head: blockRefOf(head), incoming: blockRefOf(incoming) };
  }
  const known = window.at(incoming.number);
  // Below the window there is nothing to compare against: treat it like a lagging node.
  if (!known || isSameHash(known.hash, incoming.hash)) {
    return incoming.number === head.number
      ? { kind: 'none' }
      : { kind: 'head-moved-backwards', head: blockRefOf(head), incoming: blockRefOf(incoming) };
  }
  const parent = window.at(incoming.number - 1n);
  if (parent && isSameHash(parent.hash, incoming.parentHash))
    return { kind: 'reorg', ...reorgAbove(window, parent) };
  return { kind: 'reorg-ancestor-unknown', head: blockRefOf(head), incoming: blockRefOf(incoming) };
}

/**
 * The reorg that orphans every block of the window above `ancestor`.
 *
 * @example
 * reorgAbove(window, window.at(98n)!) // { commonAncestor: { number: 98n, … }, orphaned: [99, 100], depth: 2 }
 */
export function reorgAbove(window: RecentBlocks, ancestor: BlockRef): ResolvedReorg {
  const orphaned = window.above(ancestor.number).map(blockRefOf);
  return { commonAncestor: blockRefOf(ancestor), orphaned, depth: orphaned.length };
}
