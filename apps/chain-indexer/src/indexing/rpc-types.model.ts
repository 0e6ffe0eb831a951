import type { Hex } from 'viem';

/** An `eth_getLogs` entry as the node sends it (quantities in hex). */
export interface RpcLog {
  readonly address: Hex;
  readonly topics: readonly Hex[];
  readonly data: Hex;
  readonly blockNumber: Hex;
  readonly blockHash: Hex;
  readonly transactionHash: Hex;
  readonly logIndex: Hex;
  readonly removed?: boolean;
}

/** The fields of `eth_getBlockByNumber(n, false)` the indexer reads. */
export interface RpcBlockHeader {
  readonly number: Hex;
  readonly hash: Hex;
  readonly parentHash: Hex;
  readonly timestamp: Hex;
}

/** A block header with its quantities as bigints. */
export interface BlockHeader {
  readonly number: bigint;
  readonly hash: Hex;
  readonly parentHash: Hex;
  readonly timestamp: bigint;
}

/**
 * A header read from the node, or throws when the node has no such block.
 *
 * @example
 * blockHeaderOf({ number: '0x10', hash, parentHash, timestamp: '0x6553f100' }) // { number: 16n, …, timestamp: 1700000000n }
 */
export function blockHeaderOf(raw: RpcBlockHeader | null, number?: bigint): BlockHeader {
  if (!raw) throw new Error(`the node has no block ${number ?? ''}`.trim());
  return {
    number: BigInt(raw.number),
    hash: raw.hash,
    parentHash: raw.parentHash,
    timestamp: BigInt(raw.timestamp),
  };
}
