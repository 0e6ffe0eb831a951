import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CHAIN_CONTRACTS, type ChainContracts, TOKEN_SYMBOLS } from '../chain/chain-contracts';
import { ENGINE_ENV, type UnlockEngineEnv } from '../config/env';
import { COVENANT_COLLECTION } from '../projection/log-effects.util';

/** A count or amount with and without unconfirmed blocks. */
export interface Confirmable<T> {
  readonly total: T;
  readonly confirmed: T;
}

/** A wallet's projected profile, as `GET /profiles/:address` returns it. */
export interface WalletProfile {
  readonly wallet: string;
  readonly chainId: number;
  /** Base units as decimal strings, per configured token. */
  readonly balances: Record<string, Confirmable<string>>;
  readonly nfts: { readonly collection: string } & Confirmable<string[]>;
  readonly votes: Confirmable<number>;
  readonly proposals: Confirmable<number>;
  readonly eventCounts: Record<string, Confirmable<number>>;
  readonly firstActivityAt: string | null;
  readonly lastActivityAt: string | null;
  /**
   * SPL holdings per configured mint (UNLOCK_SOLANA_MINTS) when the address is a Solana wallet's;
   * `confirmed` counts finalized slots only.
   */
  readonly solana: { readonly cluster: string; readonly balances: Record<string, Confirmable<string>> };
  readonly achievements: ReadonlyArray<{
    unlockId: string;
    version: number;
    achievedAt: string;
    provisional: boolean;
  }>;
}

interface ProfileRow {
  balances: Array<[string, string, string]> | null;
  nfts: string[] | null;
  confirmed_nfts: string[] | null;
  activity: Array<[string, string, string, string, string]> | null;
  achievements: Array<[string, number, string, boolean]> | null;
  solana_balances: Array<[string, string, string]> | null;
}

/** Reads a wallet's profile in one query. */
@Injectable()
export class ProfileService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CHAIN_CONTRACTS) private readonly contracts: ChainContracts,
    @Inject(ENGINE_ENV) private readonly env: UnlockEngineEnv,
  ) {}

  async profileOf(wallet: string): Promise<WalletProfile> {
    const [row] = (await this.dataSource.query(
      `SELECT
         (SELECT json_agg(json_build_array(token, amount::text, confirmed_amount::text))
            FROM wallet_balances WHERE wallet = $1) AS balances,
         (SELECT array_agg(token_id ORDER BY token_id) FROM nft_ownership
            WHERE owner = $1 AND collection = $2) AS nfts,
         (SELECT array_agg(token_id ORDER BY token_id) FROM nft_ownership
            WHERE confirmed_owner = $1 AND collection = $2) AS confirmed_nfts,
         (SELECT json_agg(json_build_array(event_name, count::text, confirmed_count::text, first_seen_at, last_seen_at))
            FROM wallet_activity WHERE wallet = $1) AS activity,
         (SELECT json_agg(json_build_array(unlock_id, unlock_version, achieved_at, provisional) ORDER BY achieved_at)
            FROM achievements WHERE wallet = $1 AND revoked_at IS NULL) AS achievements,
         (SELECT json_agg(json_build_array(mint, amount::text, confirmed_amount::text))
            FROM solana_balances WHERE owner = $1) AS solana_balances`,
      [wallet, COVENANT_COLLECTION],
    )) as ProfileRow[];
    const balances: Record<string, Confirmable<string>> = {};
    for (const symbol of TOKEN_SYMBOLS) balances[symbol] = { total: '0', confirmed: '0' };
    for (const [token, amount, confirmed] of row?.balances ?? [])
      balances[token] = { total: amount, confirmed };
    const eventCounts: Record<string, Confirmable<number>> = {};
    let first: string | null = null;
    let last: string | null = null;
    for (const [eventName, count, confirmed, firstSeen, lastSeen] of row?.activity ?? []) {
      eventCounts[eventName] = { total: Number(count), confirmed: Number(confirmed) };
      if (first === null || new Date(firstSeen) < new Date(first)) first = new Date(firstSeen).toISOString();
      if (last === null || new Date(lastSeen) > new Date(last)) last = new Date(lastSeen).toISOString();
    }
    const solanaBalances: Record<string, Confirmable<string>> = {};
    for (const mint of this.env.UNLOCK_SOLANA_MINTS) solanaBalances[mint] = { total: '0', confirmed: '0' };
    for (const [mint, amount, confirmed] of row?.solana_balances ?? [])
      solanaBalances[mint] = { total: amount, confirmed };
    const countOf = (name: string): Confirmable<number> => eventCounts[name] ?? { total: 0, confirmed: 0 };
    return {
      wallet,
      chainId: this.contracts.chainId,
      balances,
      nfts: { collection: COVENANT_COLLECTION, total: row?.nfts ?? [], confirmed: row?.confirmed_nfts ?? [] },
      votes: countOf('VoteCast'),
      proposals: countOf('ProposalCreated'),
      eventCounts,
      firstActivityAt: first,
      lastActivityAt: last,
      solana: { cluster: this.env.UNLOCK_SOLANA_CLUSTER, balances: solanaBalances },
      achievements: (row?.achievements ?? []).map(([unlockId, version, achievedAt, provisional]) => ({
        unlockId,
        version,
        achievedAt: new Date(achievedAt).toISOString(),
        provisional,
      })),
    };
  }
}
