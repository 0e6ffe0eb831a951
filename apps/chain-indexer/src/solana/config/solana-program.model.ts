import type { SolanaIdlName } from '@convergence/contracts';

/** Commitments the indexer reads at: `confirmed` (optimistic, ~never rolled back) or `finalized`. */
export type SolanaCommitment = 'confirmed' | 'finalized';

/** One watched program (or any address) of the Solana cluster, from `SOLANA_PROGRAMS`. */
export interface SolanaProgramConfig {
  /** A short name for logs, metrics and alerts. */
  readonly name: string;
  /** Base58 address whose signatures are followed (`getSignaturesForAddress`). */
  readonly programId: string;
  /** IDL in `@convergence/contracts` to decode the program's Anchor events with; none: SPL transfers only. */
  readonly idl: SolanaIdlName | undefined;
  readonly commitment: SolanaCommitment;
  /** Index only transactions after this signature (exclusive) on first start. */
  readonly startSignature: string | undefined;
  /** Index only transactions at or after this slot on first start; 0 = everything the RPC still serves. */
  readonly startSlot: bigint;
}
