import type { TopicData, topics } from '@convergence/schemas';
import type { Hash, Log } from 'viem';
import { checksummedAddressOf } from './checksum-address.util';
import type { DecodedEvent } from './evm-log-decoding.util';
import { LogDecodingError } from './log-decoding.error';

export type EvmLogData = TopicData<typeof topics.chainEvmLog>;

export interface LogBlock {
  readonly number: bigint;
  readonly hash: Hash;
  /** Unix seconds, as in the block header. */
  readonly timestamp: bigint;
}

export type MinedLog = Pick<
  Log<bigint, number, false>,
  'address' | 'blockHash' | 'blockNumber' | 'transactionHash' | 'logIndex'
>;

/**
 * The chain.evm.log.v1 data of a decoded log: block number as a decimal string, block time in ISO
 * form, the emitting address checksummed like the args' addresses. Throws `block-mismatch` when
 * the log is not from `block` (a reorg between `eth_getLogs` and `eth_getBlockByNumber`): publishing
 * it would pair one block's log with another block's hash and time.
 *
 * @example
 * evmLogEnvelopeData(1, block, log, decoded, true) // { chainId: 1, blockNumber: '19000000', …, confirmed: true }
 */
export function evmLogEnvelopeData(
  chainId: number,
  block: LogBlock,
  log: MinedLog,
  decoded: DecodedEvent,
  confirmed: boolean,
): EvmLogData {
  const fields = blockFieldsOf(block);
  if (
    log.blockNumber !== block.number ||
    (log.blockHash !== block.hash && log.blockHash.toLowerCase() !== fields.lowerHash)
  ) {
    throw new LogDecodingError(
      'block-mismatch',
      `log ${log.transactionHash}#${log.logIndex} is in block ${log.blockNumber} (${log.blockHash}), not ${block.number} (${block.hash})`,
    );
  }
  return {
    chainId,
    blockNumber: fields.number,
    blockHash: block.hash,
    blockTime: fields.time,
    txHash: log.transactionHash,
    logIndex: log.logIndex,
    address: checksummedAddressOf(log.address),
    contract: decoded.contract,
    eventName: decoded.eventName,
    args: decoded.args,
    confirmed,
  };
}

interface BlockFields {
  readonly number: string;
  readonly time: string;
  readonly lowerHash: string;
}

// A block's hundreds of logs share these; computed once per block (header) object.
const fieldsByBlock = new WeakMap<LogBlock, BlockFields>();

function blockFieldsOf(block: LogBlock): BlockFields {
  let fields = fieldsByBlock.get(block);
  if (!fields) {
    fields = {
      number: block.number.toString(),
      time: new Date(Number(block.timestamp) * 1_000).toISOString(),
      lowerHash: block.hash.toLowerCase(),
    };
    fieldsByBlock.set(block, fields);
  }
  return fields;
}
