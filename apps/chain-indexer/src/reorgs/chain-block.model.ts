import type { Hex } from 'viem';

/** A block as far as chain continuity goes: where it is, what it is, and what it builds on. */
export interface ChainBlock {
  readonly number: bigint;
  readonly hash: Hex;
  readonly parentHash: Hex;
}

export interface BlockRef {
  readonly number: bigint;
  readonly hash: Hex;
}

/**
 * Whether two block hashes are the same block (RPC providers differ in hex case).
 *
 * @example
 * isSameHash('0xAB…', '0xab…') // true
 */
export function isSameHash(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * The number and hash of a block, without its parent.
 *
 * @example
 * blockRefOf(block) // { number: 19n, hash: '0x…' }
 */
export function blockRefOf(block: BlockRef): BlockRef {
  return { number: block.number, hash: block.hash };
}
