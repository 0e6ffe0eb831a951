import { StateRowKind, type WalletStateRow, walletStatesOf } from './wallet-state.util';

const now = new Date('2026-03-01T00:00:00Z');
const a = `0x${'a'.repeat(40)}`;
const b = `0x${'b'.repeat(40)}`;
const row = (over: Partial<WalletStateRow> & Pick<WalletStateRow, 'k' | 'a'>): WalletStateRow => ({
  wallet: a,
  b: null,
  c: null,
  d: null,
  t1: null,
  t2: null,
  ...over,
});

describe('walletStatesOf', () => {
  it("folds a Solana wallet's SPL holdings into total and confirmed facts", () => {
    const owner = '9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin';
    const mint = 'So11111111111111111111111111111111111111112';
    const states = walletStatesOf(
      [owner],
      [row({ k: StateRowKind.SolanaBalance, wallet: owner, a: mint, b: '355', c: '250' })],
      now,
    );
    expect(states.get(owner)!.facts.solanaBalances).toEqual({ [mint]: 355n });
    expect(states.get(owner)!.confirmedFacts.solanaBalances).toEqual({ [mint]: 250n });
  });

  it('folds balances, counters, NFTs and achievements into total and confirmed facts', () => {
    const states = walletStatesOf(
      [a],
      [
        row({ k: StateRowKind.Balance, a: 'TRUST', b: '150', c: '100' }),
        row({
          k: StateRowKind.Activity,
          a: 'Transfer',
          b: '3',
          c: '2',
          t1: String(Date.parse('2026-01-05T00:00:00Z')),
          t2: String(Date.parse('2026-01-06T00:00:00Z')),
        }),
        row({
          k: StateRowKind.Activity,
          a: 'VoteCast',
          b: '2',
          c: '1',
          t1: String(Date.parse('2026-01-03T00:00:00.000Z')),
          t2: null,
        }),
        row({ k: StateRowKind.Nft, a: '7' }),
        row({ k: StateRowKind.Nft, a: '12' }),
        row({ k: StateRowKind.ConfirmedNft, a: '7' }),
        row({
          k: StateRowKind.Achievement,
          a: 'holder',
          b: 'id-1',
          c: '2',
          d: 'false',
          t1: String(now.getTime()),
        }),
        row({
          k: StateRowKind.Achievement,
          a: 'voter',
          b: 'id-2',
          c: '1',
          d: 'true',
          t1: String(now.getTime()),
        }),
      ],
      now,
    );
    const state = states.get(a)!;
    expect(state.facts).toMatchObject({
      balances: { TRUST: 150n },
      nftCount: 2,
      votes: 2,
      proposals: 0,
      eventCounts: { Transfer: 3, VoteCast: 2 },
      firstActivityAt: new Date('2026-01-03T00:00:00Z'),
    });
    expect(state.confirmedFacts).toMatchObject({
      balances: { TRUST: 100n },
      nftCount: 1,
      votes: 1,
      eventCounts: { Transfer: 2, VoteCast: 1 },
      firstActivityAt: new Date('2026-01-06T00:00:00Z'),
    });
    expect(state.nftIds).toEqual(['12', '7']);
    expect([...state.facts.achievedUnlockIds]).toEqual(['holder', 'voter']);
    expect([...state.confirmedFacts.achievedUnlockIds]).toEqual(['holder']);
    expect(state.achievements.get('holder')).toEqual({
      id: 'id-1',
      unlockId: 'holder',
      unlockVersion: 2,
      achievedAt: now,
      provisional: false,
    });
  });

  it('gives a wallet without rows zero of everything, and ignores rows of wallets not asked for', () => {
    const states = walletStatesOf([b], [row({ k: StateRowKind.Balance, a: 'TRUST', b: '5', c: '5' })], now);
    expect([...states.keys()]).toEqual([b]);
    expect(states.get(b)).toMatchObject({
      wallet: b,
      nftIds: [],
      facts: { balances: {}, nftCount: 0, votes: 0, eventCounts: {}, firstActivityAt: undefined },
      confirmedFacts: { balances: {}, nftCount: 0 },
    });
  });
});
