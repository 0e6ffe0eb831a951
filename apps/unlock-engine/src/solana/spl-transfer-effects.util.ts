import type { TopicData, chainSolanaTxTopic } from '@convergence/schemas';

export type SolanaTx = TopicData<typeof chainSolanaTxTopic>;

/** What one SPL transfer does to the Solana holdings, in a form that can be stored and later confirmed. */
export interface SplTransferEffects {
  /** Signed base-unit moves per owner wallet and mint; decimal strings so they survive JSON. */
  readonly balances: ReadonlyArray<{ owner: string; mint: string; delta: string }>;
}

/** Why an event moves no holdings: another cluster, not a transfer, a mint not configured, no owner known. */
export type SplTransferSkip = 'cluster' | 'kind' | 'mint' | 'owner';

/** Which transfers count: the cluster the engine follows and the SPL mints it projects. */
export interface SolanaHoldingsScope {
  readonly cluster: string;
  readonly mints: ReadonlySet<string>;
}

const UINT = /^(0|[1-9][0-9]*)$/;

/**
 * The holdings effects of a `chain.solana.tx.v1` event as the indexer publishes it: an
 * `spl-transfer` (`transfer` or `transferChecked`) of a configured mint moves `amount` from the
 * source token account's owner to the destination's (`sourceOwner`, `destinationOwner`, which the
 * indexer takes from the transaction's token balances). A side whose owner the indexer could not
 * tell is left out; with neither known the event moves nothing.
 *
 * @example
 * splTransferEffectsOf({ kind: 'spl-transfer', args: { mint: M, amount: '5', sourceOwner: a, destinationOwner: b }, … }, scope)
 * // { effects: { balances: [{ owner: a, mint: M, delta: '-5' }, { owner: b, mint: M, delta: '5' }] } }
 */
export function splTransferEffectsOf(
  tx: SolanaTx,
  scope: SolanaHoldingsScope,
): { effects: SplTransferEffects } | { skipped: SplTransferSkip } {
  if (tx.cluster !== scope.cluster) return { skipped: 'cluster' };
  const { mint, amount, sourceOwner, destinationOwner } = tx.args;
  if (tx.kind !== 'spl-transfer' || typeof amount !== 'string' || !UINT.test(amount))
    return { skipped: 'kind' };
  if (typeof mint !== 'string' || !scope.mints.has(mint)) return { skipped: 'mint' };
  const balances: Array<{ owner: string; mint: string; delta: string }> = [];
  if (typeof sourceOwner === 'string' && sourceOwner !== '')
    balances.push({ owner: sourceOwner, mint, delta: amount === '0' ? '0' : `-${amount}` });
  if (typeof destinationOwner === 'string' && destinationOwner !== '')
    balances.push({ owner: destinationOwner, mint, delta: amount });
  return balances.length === 0 ? { skipped: 'owner' } : { effects: { balances } };
}

/** One transfer's effects as the holdings take them in: into the total state, the confirmed state, or both. */
export interface SplEffectApplication {
  readonly effects: SplTransferEffects;
  /** Counts in the state including unconfirmed (`confirmed`-commitment) slots: a new event. */
  readonly total: boolean;
  /** Counts in the finalized state: a finalized event, or an earlier one a finalized slot now covers. */
  readonly confirmed: boolean;
}

export interface SolanaBalanceDelta {
  owner: string;
  mint: string;
  amount: bigint;
  confirmedAmount: bigint;
}

/**
 * Sums effects into one change per owner and mint, so a batch costs one upsert; rows sorted by key,
 * so concurrent writers lock them in the same order.
 *
 * @example
 * solanaBalanceDeltaOf([{ effects: { balances: [{ owner: a, mint: M, delta: '5' }] }, total: true, confirmed: false }])
 * // [{ owner: a, mint: M, amount: 5n, confirmedAmount: 0n }]
 */
export function solanaBalanceDeltaOf(applications: readonly SplEffectApplication[]): SolanaBalanceDelta[] {
  const rows = new Map<string, SolanaBalanceDelta>();
  for (const { effects, total, confirmed } of applications) {
    for (const { owner, mint, delta } of effects.balances) {
      const key = `${owner}|${mint}`;
      const row = rows.get(key) ?? { owner, mint, amount: 0n, confirmedAmount: 0n };
      if (total) row.amount += BigInt(delta);
      if (confirmed) row.confirmedAmount += BigInt(delta);
      rows.set(key, row);
    }
  }
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}
