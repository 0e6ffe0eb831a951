/**
 * Whether a reorg orphaned more blocks than the chain's finality depth allows (the deepest reorg the
 * chain can legitimately have). Such a reorg is fatal: stop indexing the chain and alert, since
 * what consumers took as final is not.
 *
 * @example
 * isDeeperThanFinality(3, 64) // false
 * isDeeperThanFinality(65, 64) // true
 */
export function isDeeperThanFinality(depth: number, finalityDepth: number): boolean {
  return depth > finalityDepth;
}

/**
 * The highest block with at least `confirmations` confirmations at `head`, counting as viem does
 * (`waitForTransactionReceipt`): the head block itself has 1. Undefined while no block has enough.
 *
 * @example
 * confirmedUpTo(100n, 1) // 100n
 * confirmedUpTo(100n, 12) // 89n
 */
export function confirmedUpTo(head: bigint, confirmations: number): bigint | undefined {
  if (!Number.isInteger(confirmations) || confirmations < 0) {
    throw new RangeError(`confirmations must be a non-negative integer, got ${confirmations}`);
  }
  const upTo = head - BigInt(Math.max(confirmations, 1) - 1);
  return upTo < 0n ? undefined : upTo;
}

/**
 * Whether a block has at least `confirmations` confirmations at `head` (the `confirmed` flag of
 * chain.evm.log.v1).
 *
 * @example
 * isConfirmed(89n, 100n, 12) // true
 */
export function isConfirmed(blockNumber: bigint, head: bigint, confirmations: number): boolean {
  const upTo = confirmedUpTo(head, confirmations);
  return upTo !== undefined && blockNumber <= upTo;
}
