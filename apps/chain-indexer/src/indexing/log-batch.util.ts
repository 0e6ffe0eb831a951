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
  const keyed: { block: number; index: number; data: EvmLogData }[] = [];
  for (const log of rpcLogs) {
    if (log.removed) continue;
    const blockNumber = BigInt(log.blockNumber);
    const header = context.headersByNumber.get(blockNumber);
    if (!header) throw new RangeError(`no header fetched for block ${blockNumber}`);
    if (header.hash.toLowerCase() !== log.blockHash.toLowerCase()) {
      return { kind: 'chain-moved', blockNumber, logHash: log.blockHash, headerHash: header.hash };
    }
    const startBlock = context.startBlockByAddress.get(log.address.toLowerCase());
    if (startBlock === undefined || blockNumber < startBlock) continue;
    const decoded = decodeEvmLog(log, context.abisByAddress);
    if (decoded.kind === 'undecodable') {
      undecodable.set(decoded.reason, (undecodable.get(decoded.reason) ?? 0) + 1);
      continue;
    }
    const logIndex = Number(log.logIndex);
    const data = evmLogEnvelopeData(
      context.chainId,
      header,
      {
        address: log.address as Address,
        blockHash: log.blockHash,
        blockNumber,
        transactionHash: log.transactionHash,
        logIndex,
      },
      decoded,
      context.isConfirmed(blockNumber),
    );
    keyed.push({ block: Number(blockNumber), index: logIndex, data });
  }
  keyed.sort((a, b) => a.block - b.block || a.index - b.index);
  return { kind: 'decoded', logs: keyed.map((k) => k.data), undecodable };
}
