import type { LogEffects } from './log-effects.util';

/** What `profile.updated.v1` says about one wallet: which profile fields moved, and whether for good. */
export interface ProfileUpdate {
  readonly wallet: string;
  /** Names of `GET /profiles/:address` fields: balances, nfts, eventCounts, votes, proposals. */
  readonly fields: string[];
  /** True when every change is confirmed (new confirmed logs, or earlier logs now confirmed). */
  readonly confirmed: boolean;
}

/** Effects a batch applied: `confirmed` false when they count only in the unconfirmed state (or were undone). */
export interface AppliedEffects {
  readonly effects: LogEffects;
  readonly confirmed: boolean;
}

/**
 * One update per wallet whose profile the applied effects moved, so a batch announces each wallet
 * once, however many of its logs the batch held. Wallets come out sorted.
 *
 * @example
 * profileUpdatesOf([{ effects: { activity: [{ wallet: a, eventName: 'VoteCast' }], balances: [] }, confirmed: false }])
 * // [{ wallet: a, fields: ['eventCounts', 'votes'], confirmed: false }]
 */
export function profileUpdatesOf(applied: readonly AppliedEffects[]): ProfileUpdate[] {
  const byWallet = new Map<string, { fields: Set<string>; confirmed: boolean }>();
  const touch = (wallet: string, field: string, confirmed: boolean) => {
    const entry = byWallet.get(wallet) ?? { fields: new Set<string>(), confirmed: true };
    entry.fields.add(field);
    entry.confirmed &&= confirmed;
    byWallet.set(wallet, entry);
  };
  for (const { effects, confirmed } of applied) {
    for (const { wallet, eventName } of effects.activity) {
      touch(wallet, 'eventCounts', confirmed);
      if (eventName === 'VoteCast') touch(wallet, 'votes', confirmed);
      if (eventName === 'ProposalCreated') touch(wallet, 'proposals', confirmed);
    }
    for (const { wallet } of effects.balances) touch(wallet, 'balances', confirmed);
    if (effects.nft?.from) touch(effects.nft.from, 'nfts', confirmed);
    if (effects.nft?.to) touch(effects.nft.to, 'nfts', confirmed);
  }
  return [...byWallet.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([wallet, { fields, confirmed }]) => ({ wallet, fields: [...fields].sort(), confirmed }));
}
