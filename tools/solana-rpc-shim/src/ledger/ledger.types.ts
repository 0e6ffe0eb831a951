/** The JSON shape of a Solana `TransactionError` as RPC nodes return it (`"AlreadyProcessed"`, `{ InstructionError: [0, { Custom: 1 }] }`). */
export type TransactionErrorJson = string | Record<string, unknown>;

/** `UiTokenAmount` of a token balance entry. */
export interface UiTokenAmount {
  readonly amount: string;
  readonly decimals: number;
  readonly uiAmount: number | null;
  readonly uiAmountString: string;
}

/** One entry of `meta.preTokenBalances` / `meta.postTokenBalances`. */
export interface TokenBalance {
  readonly accountIndex: number;
  readonly mint: string;
  readonly owner: string;
  readonly programId: string;
  readonly uiTokenAmount: UiTokenAmount;
}

/** A compiled instruction with its account indexes into the transaction's account keys. */
export interface CompiledInstructionRecord {
  readonly programIdIndex: number;
  readonly accounts: readonly number[];
  /** Raw instruction data (rendered base58 on the wire). */
  readonly data: Uint8Array;
  /** 1 for top-level instructions, 2+ for CPIs; null where the node does not know (top level, as RPC does). */
  readonly stackHeight: number | null;
}

/** Everything the shim keeps about an executed transaction, enough to answer `getTransaction`. */
export interface LedgerTransaction {
  readonly signature: string;
  readonly signatures: readonly string[];
  /** The transaction as it was sent, for the base64/base58 encodings. */
  readonly wire: Uint8Array;
  readonly slot: bigint;
  /** Unix seconds. */
  readonly blockTime: number;
  readonly version: 'legacy' | 0;
  readonly header: {
    readonly numRequiredSignatures: number;
    readonly numReadonlySignedAccounts: number;
    readonly numReadonlyUnsignedAccounts: number;
  };
  readonly staticAccountKeys: readonly string[];
  readonly loadedAddresses: { readonly writable: readonly string[]; readonly readonly: readonly string[] };
  readonly addressTableLookups: readonly {
    readonly accountKey: string;
    readonly writableIndexes: readonly number[];
    readonly readonlyIndexes: readonly number[];
  }[];
  readonly recentBlockhash: string;
  readonly instructions: readonly CompiledInstructionRecord[];
  readonly innerInstructions: readonly {
    readonly index: number;
    readonly instructions: readonly CompiledInstructionRecord[];
  }[];
  readonly err: TransactionErrorJson | null;
  readonly logMessages: readonly string[];
  readonly fee: number;
  readonly preBalances: readonly number[];
  readonly postBalances: readonly number[];
  readonly preTokenBalances: readonly TokenBalance[];
  readonly postTokenBalances: readonly TokenBalance[];
  readonly computeUnitsConsumed: number;
  /** Indexes into the full account list (static then loaded) that are writable. */
  readonly writable: readonly boolean[];
}

/** Commitment levels the shim distinguishes; `processed` is treated as `confirmed` (every slot is confirmed at once). */
export type Commitment = 'processed' | 'confirmed' | 'finalized';
