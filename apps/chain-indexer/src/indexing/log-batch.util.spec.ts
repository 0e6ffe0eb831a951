import { transferBurstAbi } from '@convergence/contracts';
import { encodeEventTopics, type Hex, numberToHex, pad, toHex } from 'viem';
import { abisByAddressOf } from '../decoding/contract-abi.util';
import { logBatchOf } from './log-batch.util';
import type { BlockHeader, RpcLog } from './rpc-types.model';

const token = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const from = '0x1111111111111111111111111111111111111111';
const hash = (n: number): Hex => pad(toHex(n), { size: 32 });
const header = (n: number): BlockHeader => ({
  number: BigInt(n),
  hash: hash(n),
  parentHash: hash(n - 1),
  timestamp: 1_700_000_000n + BigInt(n),
});

function transfer(block: number, logIndex: number, value: bigint, blockHash = hash(block)): RpcLog {
  return {
    address: token.toLowerCase() as Hex,
    topics: encodeEventTopics({
      abi: transferBurstAbi,
      eventName: 'Transfer',
      args: { from, to: token },
    }) as Hex[],
    data: pad(numberToHex(value), { size: 32 }),
    blockNumber: numberToHex(block),
    blockHash,
    transactionHash: hash(1_000 + block),
    logIndex: numberToHex(logIndex),
  };
}

const context = {
  chainId: 31337,
  abisByAddress: abisByAddressOf([{ address: token, contract: 'TransferBurst' }]),
  startBlockByAddress: new Map([[token.toLowerCase(), 10n]]),
  headersByNumber: new Map([9, 10, 11].map((n) => [BigInt(n), header(n)])),
  isConfirmed: (n: bigint) => n < 11n,
};

describe(logBatchOf.name, () => {
  it('decodes logs in chain order, leaving out those before the start block and removed ones', () => {
    const batch = logBatchOf(
      [
        transfer(11, 1, 7n),
        transfer(10, 3, 5n),
        transfer(9, 0, 1n),
        transfer(11, 0, 6n),
        { ...transfer(10, 4, 9n), removed: true },
      ],
      context,
    );
    expect(batch.kind).toBe('decoded');
    if (batch.kind !== 'decoded') return;
    expect(batch.logs.map((l) => [l.blockNumber, l.logIndex, l.args['value'], l.confirmed])).toEqual([
      ['10', 3, '5', true],
      ['11', 0, '6', false],
      ['11', 1, '7', false],
    ]);
    expect(batch.logs[0]).toMatchObject({
      blockTime: new Date(1_700_000_010_000).toISOString(),
      contract: 'TransferBurst',
      eventName: 'Transfer',
    });
  });

  it("reports a log whose block hash is not its header's: the chain moved between the calls", () => {
    expect(logBatchOf([transfer(10, 0, 1n, hash(99))], context)).toEqual({
      kind: 'chain-moved',
      blockNumber: 10n,
      logHash: hash(99),
      headerHash: hash(10),
    });
  });

  it('checks every log of a block against its header, not only the first', () => {
    const batch = logBatchOf(
      [transfer(10, 0, 1n), transfer(10, 1, 2n), transfer(10, 2, 3n, hash(99))],
      context,
    );
    expect(batch).toMatchObject({ kind: 'chain-moved', blockNumber: 10n, logHash: hash(99) });
  });

  it('counts logs that do not fit the ABI instead of publishing them', () => {
    const odd = { ...transfer(10, 0, 1n), topics: [hash(5)] };
    const batch = logBatchOf([odd], context);
    expect(batch).toEqual({ kind: 'decoded', logs: [], undecodable: new Map([['unknown-event', 1]]) });
  });
});
