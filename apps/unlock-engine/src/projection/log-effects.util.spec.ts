import type { ChainContracts } from '../chain/chain-contracts';
import { type EvmLog, factChangesOf, logEffectsOf } from './log-effects.util';

const trust = `0x${'1'.repeat(40)}`;
const covenant = `0x${'4'.repeat(40)}`;
const contracts: ChainContracts = { chainId: 1, tokens: new Map([[trust, 'TRUST']]), covenant };
const a = `0x${'Ab'.repeat(20)}`;
const b = `0x${'cd'.repeat(20)}`;
const zero = `0x${'0'.repeat(40)}`;

const log = (address: string, eventName: string, args: EvmLog['args']): EvmLog => ({
  chainId: 1,
  blockNumber: '7',
  blockHash: `0x${'9'.repeat(64)}`,
  blockTime: '2026-01-01T00:00:00.000Z',
  txHash: `0x${'8'.repeat(64)}`,
  logIndex: 0,
  address,
  contract: 'DemoToken',
  eventName,
  args,
  confirmed: true,
});

describe(logEffectsOf.name, () => {
  it('moves a configured token between wallets, lowercased', () => {
    expect(
      logEffectsOf(
        log(trust.toUpperCase().replace('0X', '0x'), 'Transfer', { from: a, to: b, value: '5' }),
        contracts,
      ),
    ).toEqual({
      activity: [
        { wallet: a.toLowerCase(), eventName: 'Transfer' },
        { wallet: b, eventName: 'Transfer' },
      ],
      balances: [
        { wallet: a.toLowerCase(), token: 'TRUST', delta: '-5' },
        { wallet: b, token: 'TRUST', delta: '5' },
      ],
    });
  });

  it('credits a mint without debiting the zero address', () => {
    expect(
      logEffectsOf(log(trust, 'Transfer', { from: zero, to: b, value: '9' }), contracts).balances,
    ).toEqual([{ wallet: b, token: 'TRUST', delta: '9' }]);
  });

  it('hands a Covenant NFT over, null for the zero address', () => {
    expect(
      logEffectsOf(log(covenant, 'Transfer', { from: zero, to: b, tokenId: '3' }), contracts).nft,
    ).toEqual({
      collection: 'Covenant',
      tokenId: '3',
      from: null,
      to: b,
    });
  });

  it('only counts activity for contracts it does not know and for other chains', () => {
    const unknown = logEffectsOf(
      log(`0x${'7'.repeat(40)}`, 'Transfer', { from: a, to: b, value: '5' }),
      contracts,
    );
    expect(unknown.balances).toEqual([]);
    const otherChain = logEffectsOf(
      { ...log(trust, 'Transfer', { from: a, to: b, value: '5' }), chainId: 2 },
      contracts,
    );
    expect(otherChain).toEqual({ activity: otherChain.activity, balances: [] });
  });
});

describe(factChangesOf.name, () => {
  it('names the facts each wallet may have changed', () => {
    const effects = logEffectsOf(log(trust, 'Transfer', { from: zero, to: b, value: '9' }), contracts);
    expect(factChangesOf(effects).get(b)).toEqual([
      { kind: 'event', event: 'Transfer' },
      { kind: 'time' },
      { kind: 'balance', token: 'TRUST' },
    ]);
    const vote = factChangesOf({ activity: [{ wallet: a, eventName: 'VoteCast' }], balances: [] });
    expect(vote.get(a)).toContainEqual({ kind: 'vote' });
  });
});
