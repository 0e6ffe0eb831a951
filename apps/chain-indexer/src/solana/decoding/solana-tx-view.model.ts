/** One instruction with its program and accounts resolved to base58 keys. */
export interface InstructionView {
  readonly programId: string;
  readonly accounts: readonly string[];
  readonly data: Uint8Array;
}

/** A token account's balance entry (pre or post), as RPC meta reports it. */
export interface TokenBalanceView {
  readonly account: string;
  readonly mint: string;
  readonly owner: string | undefined;
  readonly decimals: number;
}

/**
 * What the decoders need of a fetched transaction, free of @solana/web3.js classes so they stay
 * pure: keys resolved (lookup tables included), inner instructions grouped by top-level index.
 */
export interface SolanaTxView {
  readonly signature: string;
  readonly slot: bigint;
  readonly blockTime: Date | null;
  readonly failed: boolean;
  readonly instructions: readonly InstructionView[];
  /** Inner (CPI) instructions of top-level instruction i, in execution order; absent when none. */
  readonly innerInstructions: ReadonlyMap<number, readonly InstructionView[]>;
  readonly logMessages: readonly string[];
  /** Token accounts the transaction touched, by account key (post balance preferred, else pre). */
  readonly tokenAccounts: ReadonlyMap<string, TokenBalanceView>;
}
