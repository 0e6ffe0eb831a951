import { keccak256, toEventSelector, toEventSignature, toHex, type Abi } from 'viem';
import * as generated from './generated';
import * as publicApi from './index';
import {
  contractAbis,
  contractBytecodes,
  contractNames,
  demoContractKinds,
  roles,
  type ContractName,
} from './index';

const eventsOf = (abi: Abi) => abi.filter((item) => item.type === 'event');
const eventNames = (name: ContractName) => eventsOf(contractAbis[name]).map((event) => event.name);
const functionNames = (name: ContractName) =>
  contractAbis[name].filter((item) => item.type === 'function').map((item) => item.name);

describe('contract registry', () => {
  it('lists every deployable contract, sorted, with an ABI and creation bytecode', () => {
    expect(contractNames).toEqual([
      'Covenant',
      'DemoGovernor',
      'DemoToken',
      'MockVRFCoordinator',
      'OpinionMarket',
      'TransferBurst',
    ]);
    expect(Object.keys(contractAbis).sort()).toEqual([...contractNames]);
    for (const name of contractNames) {
      expect(contractAbis[name].some((item) => item.type === 'constructor')).toBe(true);
      expect(contractBytecodes[name]).toMatch(/^0x(?:[0-9a-f]{2}){1000,}$/);
    }
  });

  it('maps every demo deployment entry to a compiled contract', () => {
    expect(Object.keys(demoContractKinds).sort()).toEqual([
      'covenant',
      'governor',
      'opinionMarket',
      'tally',
      'trust',
      'voucher',
      'vrfCoordinator',
    ]);
    for (const kind of Object.values(demoContractKinds)) expect(contractNames).toContain(kind);
  });

  it('OpinionMarket emits an event for every state change', () => {
    expect(eventNames('OpinionMarket')).toEqual(
      expect.arrayContaining([
        'MarketCreated',
        'Staked',
        'MarketClosed',
        'SentimentRecorded',
        'RandomnessRequested',
        'RandomnessFulfilled',
        'MarketSettled',
        'PrizeClaimed',
      ]),
    );
  });

  it('tokens and the NFT emit Transfer; the coordinator emits Chainlink-style request/fulfil events', () => {
    expect(eventNames('DemoToken')).toEqual(expect.arrayContaining(['Transfer', 'Approval']));
    expect(eventNames('Covenant')).toEqual(
      expect.arrayContaining(['Transfer', 'Approval', 'ApprovalForAll']),
    );
    const coordinator = eventsOf(contractAbis.MockVRFCoordinator).map((event) => toEventSignature(event));
    expect(coordinator).toEqual(
      expect.arrayContaining([
        'RandomWordsRequested(bytes32,uint256,uint256,uint64,uint16,uint32,uint32,address)',
        'RandomWordsFulfilled(uint256,uint256,uint96,bool)',
      ]),
    );
  });

  it('governor events match OpenZeppelin IGovernor (topics and indexed args), so Governor indexers decode them', () => {
    const events = Object.fromEntries(
      eventsOf(contractAbis.DemoGovernor).map((event) => [event.name, event]),
    );
    const [created, vote, executed] = [
      events['ProposalCreated'],
      events['VoteCast'],
      events['ProposalExecuted'],
    ];
    // Topics of OpenZeppelin 5 IGovernor.ProposalCreated / VoteCast / ProposalExecuted.
    expect(created && toEventSelector(created)).toBe(
      '0x7d84a6263ae0d98d3329bd7b46bb4e8d6f98cd35a7adb45c274c8b7fd5ebd5e0',
    );
    expect(vote && toEventSelector(vote)).toBe(
      '0xb8e138887d0aa13bab447e82de9d5c1777041ecd21ca36ba824ff1e6c07ddda4',
    );
    expect(executed && toEventSelector(executed)).toBe(
      '0x712ae1383f79ac853f8d882153778e0260ef8f03b504e2866e0593e04d2b291f',
    );
    expect(created?.inputs.some((input) => input.indexed)).toBe(false);
    expect(vote?.inputs.map((input) => input.indexed ?? false)).toEqual([true, false, false, false, false]);
  });

  it('every contract is pausable and role-managed', () => {
    for (const name of contractNames) {
      expect(functionNames(name)).toEqual(
        expect.arrayContaining(['pause', 'unpause', 'paused', 'PAUSER_ROLE', 'grantRole', 'hasRole']),
      );
      expect(eventNames(name)).toEqual(expect.arrayContaining(['Paused', 'Unpaused', 'RoleGranted']));
    }
  });

  it('role ids are keccak256 of their names (admin is zero)', () => {
    expect(roles.DEFAULT_ADMIN_ROLE).toBe(`0x${'0'.repeat(64)}`);
    for (const name of ['PAUSER_ROLE', 'MINTER_ROLE', 'ORACLE_ROLE'] as const) {
      expect(roles[name]).toBe(keccak256(toHex(name)));
    }
  });

  it('the package entry point re-exports everything generated', () => {
    expect(Object.keys(publicApi)).toEqual(expect.arrayContaining(Object.keys(generated)));
  });
});
