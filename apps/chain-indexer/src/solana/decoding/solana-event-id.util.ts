/**
 * Where in a transaction an event comes from: a top-level instruction, one of its inner (CPI)
 * instructions, or the n-th Anchor event logged while it ran.
 */
export type SolanaEventPosition =
  | { readonly instructionIndex: number; readonly innerIndex?: undefined; readonly eventIndex?: undefined }
  | { readonly instructionIndex: number; readonly innerIndex: number; readonly eventIndex?: undefined }
  | { readonly instructionIndex: number; readonly innerIndex?: undefined; readonly eventIndex: number };

/**
 * The deterministic id of a Solana event: cluster, signature, then the instruction path —
 * `i` top-level, `i.j` inner instruction j of i, `i:event:n` n-th logged Anchor event of i. A
 * transaction indexed twice (restart, failover) yields the same ids.
 *
 * @example
 * solanaEventId('mainnet', '5h…', { instructionIndex: 2, innerIndex: 0 }) // 'mainnet:5h…:2.0'
 */
export function solanaEventId(cluster: string, signature: string, position: SolanaEventPosition): string {
  const base = `${cluster}:${signature}:${position.instructionIndex}`;
  if (position.innerIndex !== undefined) return `${base}.${position.innerIndex}`;
  if (position.eventIndex !== undefined) return `${base}:event:${position.eventIndex}`;
  return base;
}
