import { covenantAbi, demoGovernorAbi, demoTokenAbi, opinionMarketAbi } from '@convergence/contracts';
import {
  type Abi,
  type Address,
  encodeAbiParameters,
  encodeEventTopics,
  getAddress,
  type Hex,
  keccak256,
  parseAbi,
  toHex,
} from 'viem';
import { abisByAddressOf, type AbisByAddress } from './contract-abi.util';
import { decodeEvmLog, type RawEvmLog } from './evm-log-decoding.util';

const token: Address = '0x5fbdb2315678afecb367f032d93f642f64180aa3';
const market: Address = '0xe7f1725e7734ce288f8367e1bb143e90bb3f0512';
const governor: Address = '0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0';
const alice: Address = '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266';
const bob: Address = '0x70997970c51812dc3a010c7d01b50e0d17dc79c8';
const abis = abisByAddressOf([
  { address: token, contract: 'DemoToken' },
  { address: market, contract: 'OpinionMarket' },
  { address: governor, contract: 'DemoGovernor' },
]);

const transferLog = (value: bigint): RawEvmLog => ({
  address: token,
  topics: encodeEventTopics({
    abi: demoTokenAbi,
    eventName: 'Transfer',
    args: { from: alice, to: bob },
  }) as Hex[],
  data: encodeAbiParameters([{ type: 'uint256' }], [value]),
});

describe(decodeEvmLog.name, () => {
  it('decodes a DemoToken Transfer with checksummed addresses and the amount as a decimal string', () => {
    expect(decodeEvmLog(transferLog(10n ** 24n), abis)).toEqual({
      kind: 'decoded',
      contract: 'DemoToken',
      eventName: 'Transfer',
      args: { from: getAddress(alice), to: getAddress(bob), value: '1000000000000000000000000' },
    });
  });

  it('finds the ABI whatever the case of the log address', () => {
    const log = { ...transferLog(1n), address: getAddress(token) };
    expect(decodeEvmLog(log, abis)).toMatchObject({ kind: 'decoded', eventName: 'Transfer' });
  });

  it('decodes OpinionMarket Staked with bytes32 as hex and uints as strings', () => {
    const opinionHash = keccak256(toHex('rates will fall'));
    const log: RawEvmLog = {
      address: market,
      topics: encodeEventTopics({
        abi: opinionMarketAbi,
        eventName: 'Staked',
        args: { marketId: 7n, staker: alice },
      }) as Hex[],
      data: encodeAbiParameters(
        [{ type: 'uint256' }, { type: 'bytes32' }, { type: 'uint256' }],
        [5n * 10n ** 18n, opinionHash, 12n * 10n ** 18n],
      ),
    };
    expect(decodeEvmLog(log, abis)).toEqual({
      kind: 'decoded',
      contract: 'OpinionMarket',
      eventName: 'Staked',
      args: {
        marketId: '7',
        staker: getAddress(alice),
        amount: '5000000000000000000',
        opinionHash,
        totalStaked: '12000000000000000000',
      },
    });
  });

  it('decodes OpinionMarket MarketCreated and SentimentRecorded (string, uint64, uint8)', () => {
    const created: RawEvmLog = {
      address: market,
      topics: encodeEventTopics({
        abi: opinionMarketAbi,
        eventName: 'MarketCreated',
        args: { marketId: 1n, creator: bob },
      }) as Hex[],
      data: encodeAbiParameters(
        [{ type: 'string' }, { type: 'uint64' }],
        ['Will ETH flip BTC?', 1_767_225_600n],
      ),
    };
    expect(decodeEvmLog(created, abis)).toMatchObject({
      eventName: 'MarketCreated',
      args: {
        marketId: '1',
        creator: getAddress(bob),
        statement: 'Will ETH flip BTC?',
        closesAt: '1767225600',
      },
    });
    const sentiment: RawEvmLog = {
      address: market,
      topics: encodeEventTopics({
        abi: opinionMarketAbi,
        eventName: 'SentimentRecorded',
        args: { marketId: 1n, oracle: alice },
      }) as Hex[],
      data: encodeAbiParameters([{ type: 'uint8' }, { type: 'uint8' }], [87, 90]),
    };
    expect(decodeEvmLog(sentiment, abis)).toMatchObject({
      eventName: 'SentimentRecorded',
      args: { score: 87, confidence: 90 },
    });
  });

  it('converts arrays inside args (DemoGovernor ProposalCreated)', () => {
    const args = [
      3n,
      alice,
      [token, market],
      [0n, 10n ** 30n],
      ['', 'transfer(address,uint256)'],
      ['0x', '0xdeadbeef'],
      100n,
      200n,
      'Fund the grants round',
    ] as const;
    const event = demoGovernorAbi.find((item) => item.type === 'event' && item.name === 'ProposalCreated');
    if (!event || event.type !== 'event')
      throw new Error('ProposalCreated is missing from the DemoGovernor ABI');
    const log: RawEvmLog = {
      address: governor,
      topics: encodeEventTopics({ abi: demoGovernorAbi, eventName: 'ProposalCreated' }) as Hex[],
      data: encodeAbiParameters(event.inputs, args),
    };
    expect(decodeEvmLog(log, abis)).toEqual({
      kind: 'decoded',
      contract: 'DemoGovernor',
      eventName: 'ProposalCreated',
      args: {
        proposalId: '3',
        proposer: getAddress(alice),
        targets: [getAddress(token), getAddress(market)],
        values: ['0', (10n ** 30n).toString()],
        signatures: ['', 'transfer(address,uint256)'],
        calldatas: ['0x', '0xdeadbeef'],
        voteStart: '100',
        voteEnd: '200',
        description: 'Fund the grants round',
      },
    });
  });

  it('converts nested structs and keeps an indexed string as its topic hash', () => {
    const abi = parseAbi([
      'struct Leg { address venue; uint256[] amounts; }',
      'struct Order { uint64 id; Leg[] legs; bytes memo; }',
      'event OrderPlaced(string indexed tag, Order order, bool urgent)',
    ]) as Abi;
    const placed = abi.find((item) => item.type === 'event');
    if (!placed || placed.type !== 'event') throw new Error('OrderPlaced missing');
    const order = { id: 9n, legs: [{ venue: alice, amounts: [1n, 2n] }], memo: '0xff' as Hex };
    const log: RawEvmLog = {
      address: bob,
      topics: encodeEventTopics({ abi, eventName: 'OrderPlaced', args: { tag: 'spot' } }) as Hex[],
      data: encodeAbiParameters(placed.inputs.slice(1), [order, true]),
    };
    const custom: AbisByAddress = new Map([[bob, { contract: 'Orders', abi }]]);
    const decoded = decodeEvmLog(log, custom);
    expect(decoded).toEqual({
      kind: 'decoded',
      contract: 'Orders',
      eventName: 'OrderPlaced',
      args: {
        tag: keccak256(toHex('spot')),
        order: { id: '9', legs: [{ venue: getAddress(alice), amounts: ['1', '2'] }], memo: '0xff' },
        urgent: true,
      },
    });
    if (decoded.kind === 'decoded') expect(JSON.parse(JSON.stringify(decoded.args))).toEqual(decoded.args);
  });

  it('keys unnamed parameters by position', () => {
    const abi = parseAbi(['event Ping(address indexed, uint256 count)']) as Abi;
    const log: RawEvmLog = {
      address: bob,
      topics: encodeEventTopics({ abi, eventName: 'Ping', args: [alice] }) as Hex[],
      data: encodeAbiParameters([{ type: 'uint256' }], [4n]),
    };
    expect(decodeEvmLog(log, new Map([[bob, { contract: 'Pinger', abi }]]))).toMatchObject({
      args: { '0': getAddress(alice), count: '4' },
    });
  });

  it('is undecodable, not thrown, for a contract it does not watch', () => {
    const log = { ...transferLog(1n), address: bob };
    expect(decodeEvmLog(log, abis)).toEqual({
      kind: 'undecodable',
      reason: 'unknown-address',
      address: bob,
      topic0: log.topics[0],
    });
  });

  it('is undecodable for an event its contract ABI does not have', () => {
    const log: RawEvmLog = { address: token, topics: [keccak256(toHex('Mystery(uint256)'))], data: '0x' };
    expect(decodeEvmLog(log, abis)).toMatchObject({
      kind: 'undecodable',
      reason: 'unknown-event',
      contract: 'DemoToken',
    });
  });

  it('is undecodable for a log without topics (anonymous event)', () => {
    expect(decodeEvmLog({ address: token, topics: [], data: '0x' }, abis)).toMatchObject({
      kind: 'undecodable',
      reason: 'no-topics',
      topic0: undefined,
    });
  });

  it('is undecodable when an ERC-721 Transfer (tokenId indexed) meets the ERC-20 ABI', () => {
    const nft: RawEvmLog = {
      address: token,
      topics: encodeEventTopics({
        abi: covenantAbi,
        eventName: 'Transfer',
        args: { from: alice, to: bob, tokenId: 1n },
      }) as Hex[],
      data: '0x',
    };
    expect(decodeEvmLog(nft, abis)).toMatchObject({ kind: 'undecodable', reason: 'topics-mismatch' });
  });

  it('is undecodable when the data is too short for the event', () => {
    expect(decodeEvmLog({ ...transferLog(1n), data: '0x' }, abis)).toMatchObject({
      kind: 'undecodable',
      reason: 'data-mismatch',
      contract: 'DemoToken',
    });
    expect(decodeEvmLog({ ...transferLog(1n), data: '0x1234' }, abis)).toMatchObject({
      reason: 'data-mismatch',
    });
  });
});
