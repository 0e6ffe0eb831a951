import { type Address, type Hex } from 'viem';
import type { AbisByAddress } from '../decoding/contract-abi.util';
import { type EvmLogData, evmLogEnvelopeData } from '../decoding/evm-log-data.util';
import { decodeEvmLog, type UndecodableReason } from '../decoding/evm-log-decoding.util';
import type { BlockHeader, RpcLog } from './rpc-types.model';

/** What a fetched batch of logs turned into. */
export type LogBatch =
  | {
      readonly kind: 'decoded';
      /** In chain order (block, then log index). */
      readonly logs: EvmLogData[];
      readonly undecodable: ReadonlyMap<UndecodableReason, number>;
    }
  /** A log's block hash is not the header's: the chain moved between the calls; fetch again. */
  | {
      readonly kind: 'chain-moved';
      readonly blockNumber: bigint;
      readonly logHash: Hex;
      readonly headerHash: Hex;
    };

export interface LogBatchContext {
  readonly chainId: number;
  readonly abisByAddress: AbisByAddress;
  /** Lower-case address → first block to publish its logs from. */
  readonly startBlockByAddress: ReadonlyMap<string, bigint>;
  readonly headersByNumber: ReadonlyMap<bigint, BlockHeader>;
  /** Whether a block's logs go out with `confirmed: true`. */
  readonly isConfirmed: (blockNumber: bigint) => boolean;
}

/**
 * The chain.evm.log.v1 data of fetched logs, checked against the block headers fetched for them,
 * in chain order. Logs before their address's start block, `removed` ones and logs that do not fit
 * their ABI are left out (the last counted by reason).
 *
 * @example
 * logBatchOf(rpcLogs, { chainId: 1, abisByAddress, startBlockByAddress, headersByNumber, isConfirmed: () => true })
 * // { kind: 'decoded', logs: [{ chainId: 1, blockNumber: '100', eventName: 'Transfer', … }], undecodable: Map {} }
 */
export function logBatchOf(rpcLogs: readonly RpcLog[], context: LogBatchContext): LogBatch {
  const undecodable = new Map<UndecodableReason, number>();
  const logs: EvmLogData[] = [];
  // A block's logs come together: its header is looked up and checked once, not once per log.
  let block:
    | { numberHex: Hex; hash: Hex; number: bigint; header: BlockHeader; confirmed: boolean }
    | undefined;
  let inOrder = true;
  let previousBlock = -1n;
  let previousIndex = -1;
  for (const log of rpcLogs) {
    if (log.removed) continue;
    if (!block || block.numberHex !== log.blockNumber || block.hash !== log.blockHash) {
      const blockNumber = BigInt(log.blockNumber);
      const header = context.headersByNumber.get(blockNumber);
      if (!header) throw new RangeError(`no header fetched for block ${blockNumber}`);
      if (header.hash.toLowerCase() !== log.blockHash.toLowerCase()) {
        return { kind: 'chain-moved', blockNumber, logHash: log.blockHash, headerHash: header.hash };
      }
      const confirmed = context.isConfirmed(blockNumber);
      block = { numberHex: log.blockNumber, hash: log.blockHash, number: blockNumber, header, confirmed };
    }
    const startBlock = context.startBlockByAddress.get(log.address.toLowerCase());
    if (startBlock === undefined || block.number < startBlock) continue;
    const decoded = decodeEvmLog(log, context.abisByAddress);
    if (decoded.kind === 'undecodable') {
      undecodable.set(decoded.reason, (undecodable.get(decoded.reason) ?? 0) + 1);
      continue;
    }
    const logIndex = Number(log.logIndex);
    const mined = {
      address: log.address as Address,
      blockHash: log.blockHash,
      blockNumber: block.number,
      transactionHash: log.transactionHash,
      logIndex,
    };
    logs.push(evmLogEnvelopeData(context.chainId, block.header, mined, decoded, block.confirmed));
    if (block.number < previousBlock || (block.number === previousBlock && logIndex < previousIndex)) {
      inOrder = false;
    }
    previousBlock = block.number;
    previousIndex = logIndex;
  }
  // Nodes answer in chain order; several calls' answers joined may not be.
  if (!inOrder) logs.sort((a, b) => Number(a.blockNumber) - Number(b.blockNumber) || a.logIndex - b.logIndex);
  return { kind: 'decoded', logs, undecodable };
}
