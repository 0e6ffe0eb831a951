/**
 * Each stake's share of the total (0..1), computed in bigint so 18-decimal wei amounts lose nothing
 * before the final division. An all-zero list weighs every entry equally.
 * @example stakeShares(['300', '100']) // [0.75, 0.25]
 */
export function stakeShares(stakes: string[]): number[] {
  const amounts = stakes.map((s) => BigInt(s));
  const total = amounts.reduce((a, b) => a + b, 0n);
  if (total === 0n) return amounts.map(() => 1 / Math.max(1, amounts.length));
  const scale = 1_000_000_000n;
  return amounts.map((a) => Number((a * scale) / total) / Number(scale));
}

/** Σ share·score, rounded to one decimal. */
export function weightedScore(shares: number[], scores: number[]): number {
  const sum = shares.reduce((acc, share, i) => acc + share * (scores[i] ?? 50), 0);
  return Math.round(Math.min(100, Math.max(0, sum)) * 10) / 10;
}
