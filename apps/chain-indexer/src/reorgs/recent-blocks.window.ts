import { type ChainBlock, isSameHash } from './chain-block.model';
import { ReorgError } from './reorg.error';

/** Blocks kept beyond the finality depth, so the common ancestor of the deepest allowed reorg is inside. */
export const DEFAULT_FINALITY_MARGIN = 10;

/**
 * The hashes of the most recent blocks the indexer followed, as one linked chain (each block's
 * parent is the block before it), bounded to `capacity` blocks: the oldest fall off as new ones come.
 * Adding a block that does not extend the head throws; on a reorg `rewindTo` the common ancestor first.
 *
 * @example
 * const window = RecentBlocks.forFinality(64); // keeps 64 + 1 + 10 blocks
 * window.add({ number: 100n, hash, parentHash });
 */
export class RecentBlocks {
  private readonly byNumber = new Map<bigint, ChainBlock>();
  private headNumber: bigint | undefined;

  constructor(
    readonly capacity: number,
    blocks: Iterable<ChainBlock> = [],
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    }
    for (const block of blocks) this.add(block);
  }

  /** Room for the deepest allowed reorg (`finalityDepth` blocks orphaned) plus its ancestor and a margin. */
  static forFinality(finalityDepth: number, margin = DEFAULT_FINALITY_MARGIN, blocks?: Iterable<ChainBlock>) {
    return new RecentBlocks(finalityDepth + 1 + margin, blocks);
  }

  get size(): number {
    return this.byNumber.size;
  }

  head(): ChainBlock | undefined {
    return this.headNumber === undefined ? undefined : this.byNumber.get(this.headNumber);
  }

  oldest(): ChainBlock | undefined {
    return this.headNumber === undefined
      ? undefined
      : this.byNumber.get(this.headNumber - BigInt(this.size - 1));
  }

  at(number: bigint): ChainBlock | undefined {
    return this.byNumber.get(number);
  }

  /** The blocks above `number`, oldest first. */
  above(number: bigint): ChainBlock[] {
    return this.blocks().filter((block) => block.number > number);
  }

  /** Every block kept, oldest first. */
  blocks(): ChainBlock[] {
    return [...this.byNumber.values()].sort((a, b) => (a.number < b.number ? -1 : 1));
  }

  add(block: ChainBlock): void {
    const head = this.head();
    if (head && !(block.number === head.number + 1n && isSameHash(block.parentHash, head.hash))) {
      throw new ReorgError(
        'not-a-child',
        `block ${block.number} (${block.hash}, parent ${block.parentHash}) does not extend head ${head.number} (${head.hash})`,
      );
    }
    this.byNumber.set(block.number, block);
    this.headNumber = block.number;
    if (this.byNumber.size > this.capacity) this.byNumber.delete(block.number - BigInt(this.capacity));
  }

  /** Drops the blocks above `number` (the orphaned branch) and returns them, oldest first. */
  rewindTo(number: bigint): ChainBlock[] {
    const dropped = this.above(number);
    for (const block of dropped) this.byNumber.delete(block.number);
    if (this.byNumber.size === 0) this.headNumber = undefined;
    else if (this.headNumber !== undefined && number < this.headNumber) this.headNumber = number;
    return dropped;
  }
}
