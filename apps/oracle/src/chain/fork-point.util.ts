/** A block the log reader applied, as it saw it. */
export interface SeenBlock {
  number: bigint;
  hash: string;
}

/**
 * The newest block the reader saw that is still on the canonical chain, walking back from the newest:
 * everything it applied above that block came from orphaned blocks. `undefined` when none of the
 * remembered blocks survived (the reorg is deeper than the window): re-read from the deploy block.
 *
 * @example await forkPointOf([{ number: 12n, hash: '0xb' }, { number: 10n, hash: '0xa' }], lookup) // 10n when only 10 still matches
 */
export async function forkPointOf(
  seenNewestFirst: readonly SeenBlock[],
  canonicalHashAt: (number: bigint) => Promise<string | undefined>,
): Promise<bigint | undefined> {
  for (const block of seenNewestFirst) {
    if ((await canonicalHashAt(block.number)) === block.hash) return block.number;
  }
  return undefined;
}

/**
 * The last block to read logs up to: `confirmations` below the head, so blocks that are likely to be
 * reorganised are not believed in the first place (a deeper reorg is caught by the hash check).
 */
export function safeHeadOf(head: bigint, confirmations: number): bigint {
  return head - BigInt(confirmations);
}
