import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { WalletFacts } from '../requirements/evaluate-condition.util';
import type { LiveAchievement, WalletState } from './wallet-state.model';

interface StateRow {
  wallet: string;
  balances: Array<[string, string, string]> | null;
  nft_ids: string[] | null;
  confirmed_nfts: number;
  activity: Array<[string, string, string, string, string | null]> | null;
  achievements: Array<[string, string, number, string, boolean]> | null;
}

/**
 * Loads wallets' facts in one round trip (one row per wallet, sub-selects on primary keys and
 * indexes), for a batch of events or one eligibility request alike.
 */
@Injectable()
export class WalletStateLoader {
  async load(
    manager: EntityManager,
    wallets: readonly string[],
    now: Date,
  ): Promise<Map<string, WalletState>> {
    const states = new Map<string, WalletState>();
    if (wallets.length === 0) return states;
    const rows = (await manager.query(
      `SELECT w.wallet,
         (SELECT json_agg(json_build_array(b.token, b.amount::text, b.confirmed_amount::text))
            FROM wallet_balances b WHERE b.wallet = w.wallet) AS balances,
         (SELECT array_agg(n.token_id ORDER BY n.token_id) FROM nft_ownership n WHERE n.owner = w.wallet) AS nft_ids,
         (SELECT count(*)::int FROM nft_ownership n WHERE n.confirmed_owner = w.wallet) AS confirmed_nfts,
         (SELECT json_agg(json_build_array(a.event_name, a.count::text, a.confirmed_count::text,
                   a.first_seen_at, a.confirmed_first_seen_at))
            FROM wallet_activity a WHERE a.wallet = w.wallet) AS activity,
         (SELECT json_agg(json_build_array(x.id, x.unlock_id, x.unlock_version, x.achieved_at, x.provisional))
            FROM achievements x WHERE x.wallet = w.wallet AND x.revoked_at IS NULL) AS achievements
       FROM unnest($1::text[]) AS w(wallet)`,
      [wallets],
    )) as StateRow[];
    for (const row of rows) states.set(row.wallet, walletStateOf(row, now));
    return states;
  }
}

function walletStateOf(row: StateRow, now: Date): WalletState {
  const balances: Record<string, bigint> = {};
  const confirmedBalances: Record<string, bigint> = {};
  for (const [token, amount, confirmedAmount] of row.balances ?? []) {
    balances[token] = BigInt(amount);
    confirmedBalances[token] = BigInt(confirmedAmount);
  }
  const eventCounts: Record<string, number> = {};
  const confirmedCounts: Record<string, number> = {};
  let first: Date | undefined;
  let confirmedFirst: Date | undefined;
  for (const [eventName, count, confirmedCount, firstSeen, confirmedFirstSeen] of row.activity ?? []) {
    eventCounts[eventName] = Number(count);
    confirmedCounts[eventName] = Number(confirmedCount);
    const seen = new Date(firstSeen);
    if (first === undefined || seen < first) first = seen;
    if (confirmedFirstSeen !== null) {
      const confirmedSeen = new Date(confirmedFirstSeen);
      if (confirmedFirst === undefined || confirmedSeen < confirmedFirst) confirmedFirst = confirmedSeen;
    }
  }
  const achievements = new Map<string, LiveAchievement>();
  for (const [id, unlockId, unlockVersion, achievedAt, provisional] of row.achievements ?? []) {
    achievements.set(unlockId, {
      id,
      unlockId,
      unlockVersion,
      achievedAt: new Date(achievedAt),
      provisional,
    });
  }
  const live = new Set(achievements.keys());
  const final = new Set([...achievements.values()].filter((a) => !a.provisional).map((a) => a.unlockId));
  const nftIds = row.nft_ids ?? [];
  const facts: WalletFacts = {
    balances,
    nftCount: nftIds.length,
    votes: eventCounts['VoteCast'] ?? 0,
    proposals: eventCounts['ProposalCreated'] ?? 0,
    firstActivityAt: first,
    now,
    achievedUnlockIds: live,
    eventCounts,
  };
  const confirmedFacts: WalletFacts = {
    balances: confirmedBalances,
    nftCount: row.confirmed_nfts,
    votes: confirmedCounts['VoteCast'] ?? 0,
    proposals: confirmedCounts['ProposalCreated'] ?? 0,
    firstActivityAt: confirmedFirst,
    now,
    achievedUnlockIds: final,
    eventCounts: confirmedCounts,
  };
  return { wallet: row.wallet, facts, confirmedFacts, achievements, nftIds };
}
