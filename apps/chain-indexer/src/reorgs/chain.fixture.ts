import { type Hex, keccak256, toHex } from 'viem';
import type { ChainBlock } from './chain-block.model';

/** A deterministic 32-byte hash per (branch, number), so two branches never collide. */
export function hashOf(branch: string, number: bigint): Hex {
  return keccak256(toHex(`${branch}:${number}`));
}

/**
 * Blocks `from`..`to` of a branch, each the child of the one before; the first one's parent is
 * `parentHash` (default: the same branch's block below).
 */
export function chainOf(branch: string, from: bigint, to: bigint, parentHash?: Hex): ChainBlock[] {
  const blocks: ChainBlock[] = [];
  for (let n = from; n <= to; n++) {
    const parent = n === from && parentHash ? parentHash : hashOf(branch, n - 1n);
    blocks.push({ number: n, hash: hashOf(branch, n), parentHash: parent });
  }
  return blocks;
}
