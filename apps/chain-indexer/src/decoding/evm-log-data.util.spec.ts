import { demoTokenAbi } from '@convergence/contracts';
import { topics } from '@convergence/schemas';
import { type Address, encodeAbiParameters, encodeEventTopics, getAddress, type Hash, type Hex } from 'viem';
import { abisByAddressOf } from './contract-abi.util';
import { evmLogEnvelopeData, type LogBlock, type MinedLog } from './evm-log-data.util';
import { decodeEvmLog } from './evm-log-decoding.util';
import { LogDecodingError } from './log-decoding.error';

const token: Address = '0x5fbdb2315678afecb367f032d93f642f64180aa3';
const alice: Address = '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266';
const bob: Address = '0x70997970c51812dc3a010c7d01b50e0d17dc79c8';
const block: LogBlock = { number: 19_000_000n, hash: `0x${'ab'.repeat(32)}`, timestamp: 1_700_000_000n };
const txHash: Hash = `0x${'cd'.repeat(32)}`;

function transfer() {
  const raw = {
    address: token,
    topics: encodeEventTopics({
      abi: demoTokenAbi,
      eventName: 'Transfer',
      args: { from: alice, to: bob },
    }) as Hex[],
    data: encodeAbiParameters([{ type: 'uint256' }], [123n * 10n ** 18n]),
  };
  const decoded = decodeEvmLog(raw, abisByAddressOf([{ address: token, contract: 'DemoToken' }]));
  if (decoded.kind !== 'decoded') throw new Error(`expected a decoded Transfer, got ${decoded.reason}`);
  const log: MinedLog = {
    address: token,
    blockHash: block.hash,
    blockNumber: block.number,
    transactionHash: txHash,
    logIndex: 4,
  };
  return { log, decoded };
}

describe(evmLogEnvelopeData.name, () => {
  it('produces exactly the chain.evm.log.v1 data shape', () => {
    const { log, decoded } = transfer();
    const data = evmLogEnvelopeData(1, block, log, decoded, false);
    expect(topics.chainEvmLog.schema.strict().parse(data)).toEqual(data);
    expect(data).toEqual({
      chainId: 1,
      blockNumber: '19000000',
      blockHash: block.hash,
      blockTime: '2023-11-14T22:13:20.000Z',
      txHash,
      logIndex: 4,
      address: getAddress(token),
      contract: 'DemoToken',
      eventName: 'Transfer',
      args: { from: getAddress(alice), to: getAddress(bob), value: '123000000000000000000' },
      confirmed: false,
    });
  });

  it('carries the confirmed flag it is given', () => {
    const { log, decoded } = transfer();
    expect(evmLogEnvelopeData(1, block, log, decoded, true).confirmed).toBe(true);
  });

  it('accepts a block hash that differs only in case', () => {
    const { log, decoded } = transfer();
    const upper = { ...block, hash: block.hash.toUpperCase().replace('0X', '0x') as Hash };
    expect(evmLogEnvelopeData(1, upper, log, decoded, true).blockHash).toBe(upper.hash);
  });

  it('refuses a log from another block than the one given (the chain moved between calls)', () => {
    const { log, decoded } = transfer();
    const reorged = { ...block, hash: `0x${'ef'.repeat(32)}` as Hash };
    expect(() => evmLogEnvelopeData(1, reorged, log, decoded, true)).toThrow(LogDecodingError);
    expect(() => evmLogEnvelopeData(1, { ...block, number: block.number + 1n }, log, decoded, true)).toThrow(
      expect.objectContaining({ code: 'block-mismatch' }),
    );
  });
});
