import type { WalletFacts } from '../requirements/evaluate-condition.util';
import type { LiveAchievement, WalletState } from './wallet-state.model';

/** What a wallet-state row is about: `WALLET_STATE_SQL` returns one per balance, counter, NFT and achievement. */
export const StateRowKind = {
  /** `a` token, `b` amount, `c` confirmed amount. */
  Balance: 0,
  /** `a` event name, `b` count, `c` confirmed count, `t1` first seen, `t2` confirmed first seen. */
  Activity: 1,
  /** `a` Covenant token id held (with unconfirmed blocks). */
  Nft: 2,
  /** `a` Covenant token id held in the confirmed state. */
  ConfirmedNft: 3,
  /** `a` unlock id, `b` achievement id, `c` unlock version, `d` 'true' when provisional, `t1` achieved at. */
  Achievement: 4,
  /** `a` SPL mint, `b` amount, `c` confirmed (finalized) amount: a Solana wallet's holdings. */
  SolanaBalance: 5,
} as const;

/**
 * One row of `WALLET_STATE_SQL`: plain columns, so Postgres only scans indexes and never builds JSON.
 * Times come as epoch milliseconds (decimal text): a batch reads tens of thousands of them, and
 * `new Date(Number(ms))` costs a fraction of parsing a timestamptz's text.
 */
export interface WalletStateRow {
  k: number;
  wallet: string;
  a: string;
  b: string | null;
  c: string | null;
  d: string | null;
  t1: string | null;
  t2: string | null;
}

// Whole milliseconds since the epoch, truncated as JavaScript's Date keeps them.
const epochMs = (column: string) => `floor(extract(epoch FROM ${column}) * 1000)::bigint::text`;

/**
 * Every fact of the wallets in `$1` (a text[]), one plain row per fact. Each branch joins the
 * wallet list, which the planner serves by index for one wallet and by one hashed scan per table
 * for thousands: a batch's whole state in one round trip, with no sub-plan per wallet and no
 * per-element selectivity work at planning (as `= ANY($1)` on a long array would cost).
 */
export const WALLET_STATE_SQL = `
  WITH w AS MATERIALIZED (SELECT unnest($1::text[]) AS wallet)
  SELECT 0 AS k, x.wallet, x.token AS a, x.amount::text AS b, x.confirmed_amount::text AS c, NULL AS d,
         NULL::text AS t1, NULL::text AS t2
    FROM wallet_balances x JOIN w ON w.wallet = x.wallet
  UNION ALL
  SELECT 1, x.wallet, x.event_name, x.count::text, x.confirmed_count::text, NULL, ${epochMs('x.first_seen_at')},
         ${epochMs('x.confirmed_first_seen_at')}
    FROM wallet_activity x JOIN w ON w.wallet = x.wallet
  UNION ALL
  SELECT 2, x.owner, x.token_id, NULL, NULL, NULL, NULL, NULL FROM nft_ownership x JOIN w ON w.wallet = x.owner
  UNION ALL
  SELECT 3, x.confirmed_owner, x.token_id, NULL, NULL, NULL, NULL, NULL
    FROM nft_ownership x JOIN w ON w.wallet = x.confirmed_owner
  UNION ALL
  SELECT 4, x.wallet, x.unlock_id, x.id::text, x.unlock_version::text, x.provisional::text, ${epochMs('x.achieved_at')}, NULL
    FROM achievements x JOIN w ON w.wallet = x.wallet WHERE x.revoked_at IS NULL
  UNION ALL
  SELECT 5, x.owner, x.mint, x.amount::text, x.confirmed_amount::text, NULL, NULL, NULL
    FROM solana_balances x JOIN w ON w.wallet = x.owner`;

interface Accumulator {
  balances: Record<string, bigint>;
  confirmedBalances: Record<string, bigint>;
  eventCounts: Record<string, number>;
  confirmedCounts: Record<string, number>;
  first?: Date;
  confirmedFirst?: Date;
  nftIds: string[];
  confirmedNfts: number;
  achievements: Map<string, LiveAchievement>;
  solanaBalances: Record<string, bigint>;
  confirmedSolanaBalances: Record<string, bigint>;
}

/**
 * Folds `WALLET_STATE_SQL` rows into one state per wallet asked for; a wallet without rows gets
 * zero of everything (a wallet never seen), so every requested wallet is in the result.
 *
 * @example
 * walletStatesOf(['0xab…'], [{ k: 0, wallet: '0xab…', a: 'TRUST', b: '5', c: '0', … }], now)
 * // Map { '0xab…' => { facts: { balances: { TRUST: 5n }, … }, confirmedFacts: { balances: { TRUST: 0n }, … } } }
 */
export function walletStatesOf(
  wallets: readonly string[],
  rows: readonly WalletStateRow[],
  now: Date,
): Map<string, WalletState> {
  const byWallet = new Map<string, Accumulator>();
  for (const wallet of wallets) byWallet.set(wallet, emptyAccumulator());
  for (const row of rows) {
    const acc = byWallet.get(row.wallet);
    if (acc === undefined) continue;
    switch (row.k) {
      case StateRowKind.Balance:
        acc.balances[row.a] = BigInt(row.b ?? '0');
        acc.confirmedBalances[row.a] = BigInt(row.c ?? '0');
        break;
      case StateRowKind.Activity: {
        acc.eventCounts[row.a] = Number(row.b);
        acc.confirmedCounts[row.a] = Number(row.c);
        const seen = dateOf(row.t1);
        if (seen !== undefined && (acc.first === undefined || seen < acc.first)) acc.first = seen;
        const confirmedSeen = dateOf(row.t2);
        if (
          confirmedSeen !== undefined &&
          (acc.confirmedFirst === undefined || confirmedSeen < acc.confirmedFirst)
        )
          acc.confirmedFirst = confirmedSeen;
        break;
      }
      case StateRowKind.Nft:
        acc.nftIds.push(row.a);
        break;
      case StateRowKind.ConfirmedNft:
        acc.confirmedNfts++;
        break;
      case StateRowKind.Achievement:
        acc.achievements.set(row.a, {
          id: row.b ?? '',
          unlockId: row.a,
          unlockVersion: Number(row.c),
          achievedAt: dateOf(row.t1) ?? now,
          provisional: row.d === 'true',
        });
        break;
      case StateRowKind.SolanaBalance:
        acc.solanaBalances[row.a] = BigInt(row.b ?? '0');
        acc.confirmedSolanaBalances[row.a] = BigInt(row.c ?? '0');
        break;
    }
  }
  const states = new Map<string, WalletState>();
  for (const [wallet, acc] of byWallet) states.set(wallet, stateOf(wallet, acc, now));
  return states;
}

function emptyAccumulator(): Accumulator {
  return {
    balances: {},
    confirmedBalances: {},
    eventCounts: {},
    confirmedCounts: {},
    nftIds: [],
    confirmedNfts: 0,
    achievements: new Map(),
    solanaBalances: {},
    confirmedSolanaBalances: {},
  };
}

function stateOf(wallet: string, acc: Accumulator, now: Date): WalletState {
  const live = new Set(acc.achievements.keys());
  const final = new Set<string>();
  for (const achievement of acc.achievements.values())
    if (!achievement.provisional) final.add(achievement.unlockId);
  const nftIds = acc.nftIds.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const facts: WalletFacts = {
    balances: acc.balances,
    nftCount: nftIds.length,
    votes: acc.eventCounts['VoteCast'] ?? 0,
    proposals: acc.eventCounts['ProposalCreated'] ?? 0,
    firstActivityAt: acc.first,
    now,
    achievedUnlockIds: live,
    eventCounts: acc.eventCounts,
    solanaBalances: acc.solanaBalances,
  };
  const confirmedFacts: WalletFacts = {
    balances: acc.confirmedBalances,
    nftCount: acc.confirmedNfts,
    votes: acc.confirmedCounts['VoteCast'] ?? 0,
    proposals: acc.confirmedCounts['ProposalCreated'] ?? 0,
    firstActivityAt: acc.confirmedFirst,
    now,
    achievedUnlockIds: final,
    eventCounts: acc.confirmedCounts,
    solanaBalances: acc.confirmedSolanaBalances,
  };
  return { wallet, facts, confirmedFacts, achievements: acc.achievements, nftIds };
}

function dateOf(epochMs: string | null): Date | undefined {
  return epochMs === null ? undefined : new Date(Number(epochMs));
}
