/** A wallet's holdings as compared: token balances (base units) and the NFT ids held. */
export interface Holdings {
  readonly balances: Readonly<Record<string, bigint>>;
  readonly nftIds: readonly string[];
}

/** One difference between the projection and the chain. */
export type Drift =
  | { readonly kind: 'balance'; readonly token: string; readonly projected: string; readonly onChain: string }
  | {
      readonly kind: 'nft';
      readonly tokenId: string;
      readonly projected: boolean;
      readonly onChain: boolean;
    };

/**
 * Where the projected holdings differ from the chain's, tokens in the order given then NFT ids in
 * ascending order; empty when they agree.
 *
 * @example
 * holdingsDriftOf(['TRUST'], { balances: { TRUST: 5n }, nftIds: ['1'] }, { balances: { TRUST: 7n }, nftIds: [] })
 * // [{ kind: 'balance', token: 'TRUST', projected: '5', onChain: '7' },
 * //  { kind: 'nft', tokenId: '1', projected: true, onChain: false }]
 */
export function holdingsDriftOf(tokens: readonly string[], projected: Holdings, onChain: Holdings): Drift[] {
  const drift: Drift[] = [];
  for (const token of tokens) {
    const mine = projected.balances[token] ?? 0n;
    const chain = onChain.balances[token] ?? 0n;
    if (mine !== chain)
      drift.push({ kind: 'balance', token, projected: mine.toString(), onChain: chain.toString() });
  }
  const held = new Set(projected.nftIds);
  const chainHeld = new Set(onChain.nftIds);
  const ids = [...new Set([...held, ...chainHeld])].sort((a, b) =>
    BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0,
  );
  for (const tokenId of ids) {
    if (held.has(tokenId) !== chainHeld.has(tokenId)) {
      drift.push({ kind: 'nft', tokenId, projected: held.has(tokenId), onChain: chainHeld.has(tokenId) });
    }
  }
  return drift;
}

/**
 * The `unlock_eligibility_mismatch` alert's summary line for a wallet's drift.
 *
 * @example
 * driftSummaryOf('0xab…', [{ kind: 'balance', token: 'TRUST', projected: '5', onChain: '7' }])
 * // 'wallet 0xab… differed from the chain: TRUST 5 (chain 7)'
 */
export function driftSummaryOf(wallet: string, drift: readonly Drift[]): string {
  const parts = drift.map((d) =>
    d.kind === 'balance'
      ? `${d.token} ${d.projected} (chain ${d.onChain})`
      : `Covenant #${d.tokenId} ${d.projected ? 'held' : 'not held'} (chain ${d.onChain ? 'held' : 'not held'})`,
  );
  return `wallet ${wallet} differed from the chain: ${parts.join(', ')}`;
}
