import type { ProfileUpdate } from '../projection/profile-updates.util';

/** One correction reconciliation wrote: a balance set to the chain's, or an NFT moved to its on-chain owner. */
export type Correction =
  | { readonly kind: 'balance'; readonly wallet: string }
  | { readonly kind: 'nft'; readonly from: string | null; readonly to: string | null };

/**
 * The `profile.updated.v1` a reconciliation's corrections call for: one per wallet whose profile
 * moved — the reconciled wallet, and for an NFT also the holder the projection had and the one the
 * chain has. Confirmed: reconciliation compares at a block the projection already applied and
 * writes the total and confirmed state alike. Wallets come out sorted.
 *
 * @example
 * correctionUpdatesOf([{ kind: 'balance', wallet: a }, { kind: 'nft', from: b, to: a }])
 * // [{ wallet: a, fields: ['balances', 'nfts'], confirmed: true }, { wallet: b, fields: ['nfts'], confirmed: true }]
 */
export function correctionUpdatesOf(corrections: readonly Correction[]): ProfileUpdate[] {
  const fields = new Map<string, Set<string>>();
  const touch = (wallet: string | null, field: string) => {
    if (wallet === null) return;
    const set = fields.get(wallet) ?? new Set<string>();
    set.add(field);
    fields.set(wallet, set);
  };
  for (const correction of corrections) {
    if (correction.kind === 'balance') touch(correction.wallet, 'balances');
    else if (correction.from !== correction.to) {
      touch(correction.from, 'nfts');
      touch(correction.to, 'nfts');
    }
  }
  return [...fields.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([wallet, set]) => ({ wallet, fields: [...set].sort(), confirmed: true }));
}
