import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { utils } from '@coral-xyz/anchor';
import { VersionedTransaction } from '@solana/web3.js';

/** Tensor's tensorswap program on mainnet: `emit!` events, logged as `Program data:` lines. */
export const TENSORSWAP_PROGRAM = 'TSWAPaqyCSx2KABk68Shruf4rp7CxcNi8hAsbdwmHbN';
/** Jupiter's v6 aggregator on mainnet: `emit_cpi!` events, carried by a self-CPI inner instruction. */
export const JUPITER_V6_PROGRAM = 'JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4';

/** A compiled instruction as the `json` encoding of `getTransaction` lists it. */
export interface RecordedInstruction {
  readonly programIdIndex: number;
  readonly accounts: readonly number[];
  readonly data: string;
  readonly stackHeight?: number | null;
}

/** A message in the `json` encoding: static keys only; lookup-table keys are in meta.loadedAddresses. */
export interface RecordedMessage {
  readonly header: {
    readonly numRequiredSignatures: number;
    readonly numReadonlySignedAccounts: number;
    readonly numReadonlyUnsignedAccounts: number;
  };
  readonly accountKeys: readonly string[];
  readonly recentBlockhash: string;
  readonly instructions: readonly RecordedInstruction[];
  readonly addressTableLookups?: readonly {
    readonly accountKey: string;
    readonly writableIndexes: readonly number[];
    readonly readonlyIndexes: readonly number[];
  }[];
}

export interface RecordedMeta {
  readonly err: unknown;
  readonly logMessages: readonly string[];
  readonly loadedAddresses?: { readonly writable: readonly string[]; readonly readonly: readonly string[] };
  readonly preTokenBalances?: readonly RecordedTokenBalance[];
  readonly postTokenBalances?: readonly RecordedTokenBalance[];
  readonly [field: string]: unknown;
}

export interface RecordedTokenBalance {
  readonly accountIndex: number;
  readonly mint: string;
  readonly owner: string;
  readonly uiTokenAmount: { readonly amount: string; readonly decimals: number };
}

/** A recorded mainnet transaction, whichever form it was recorded in (see README.md). */
export interface RecordedTransaction {
  readonly slot: number;
  readonly blockTime: number;
  readonly version: 'legacy' | 0;
  readonly signatures: readonly string[];
  readonly message: RecordedMessage;
  readonly meta: RecordedMeta;
  /** The signed message bytes, when the recording holds the wire transaction (base64 encoding). */
  readonly wireMessage: Uint8Array | undefined;
}

// tensor-common's form: web3.js's getTransaction result written back with JSON.stringify.
interface Web3JsonRecording {
  readonly slot: number;
  readonly blockTime: number;
  readonly version: 'legacy' | 0;
  readonly meta: RecordedMeta;
  readonly transaction: {
    readonly signatures: readonly string[];
    readonly message: RecordedMessage & { readonly indexToProgramIds?: Record<string, never> };
  };
}

// sava's form: a whole JSON-RPC response body, the transaction in the base64 encoding.
interface RpcBase64Recording {
  readonly jsonrpc: '2.0';
  readonly result: {
    readonly slot: number;
    readonly blockTime: number;
    readonly version: 'legacy' | 0;
    readonly meta: RecordedMeta;
    readonly transaction: readonly [string, 'base64'];
  };
}

/** The recordings, by what the transaction did. */
export const recordedFiles = {
  /** One `buy_single_listing` (top-level instruction 2) logging one BuySellEvent; legacy message. */
  buySingleListing: 'tensorswap-buy-single-listing.tx.json',
  /** `buy_nft` (instruction 2) then `sell_nft_trade_pool` (instruction 3), one BuySellEvent each. */
  buyThenSell: 'tensorswap-buy-sell.tx.json',
  /** A Jupiter v6 `route` (instruction 5) through Raydium, its SwapEvent in inner instruction 3. */
  jupiterRoute: 'jupiter-route.rpc-response.json',
} as const;

export type RecordedName = keyof typeof recordedFiles;

/** Reads one recording from this folder. */
export function loadRecorded(name: RecordedName): RecordedTransaction {
  const json = JSON.parse(readFileSync(join(__dirname, recordedFiles[name]), 'utf8')) as
    | Web3JsonRecording
    | RpcBase64Recording;
  return 'result' in json ? fromRpcBase64(json) : fromWeb3Json(json);
}

/** Every recording, oldest slot first. */
export function loadAllRecorded(): RecordedTransaction[] {
  return (Object.keys(recordedFiles) as RecordedName[]).map(loadRecorded).sort((a, b) => a.slot - b.slot);
}

/** The transaction's id: its first (fee payer's) signature. */
export const signatureOf = (tx: RecordedTransaction): string => tx.signatures[0] ?? '';

/** Every account the transaction names: static keys, then loaded writable, then loaded readonly. */
export const accountKeysOf = (tx: RecordedTransaction): string[] => [
  ...tx.message.accountKeys,
  ...(tx.meta.loadedAddresses?.writable ?? []),
  ...(tx.meta.loadedAddresses?.readonly ?? []),
];

/**
 * The `result` a validator sends for `getTransaction` in the `json` encoding, with `version` only
 * when the client sent `maxSupportedTransactionVersion` — as validators do.
 */
export function getTransactionResultOf(
  tx: RecordedTransaction,
  withVersion: boolean,
): Record<string, unknown> {
  return {
    slot: tx.slot,
    blockTime: tx.blockTime,
    ...(withVersion ? { version: tx.version } : {}),
    meta: tx.meta,
    transaction: { signatures: tx.signatures, message: tx.message },
  };
}

/** The `getSignaturesForAddress` entry of a recorded transaction (all of them are final). */
export function signatureEntryOf(tx: RecordedTransaction): Record<string, unknown> {
  return {
    signature: signatureOf(tx),
    slot: tx.slot,
    err: tx.meta.err ?? null,
    memo: null,
    blockTime: tx.blockTime,
    confirmationStatus: 'finalized',
  };
}

// The json message is the recorded one minus web3.js's `indexToProgramIds`; a v0 message always
// carries `addressTableLookups` in that encoding (the recording resolved them, see README.md).
function fromWeb3Json(json: Web3JsonRecording): RecordedTransaction {
  const { indexToProgramIds: _web3Only, ...message } = json.transaction.message;
  return {
    slot: json.slot,
    blockTime: json.blockTime,
    version: json.version,
    signatures: json.transaction.signatures,
    message: json.version === 0 ? { addressTableLookups: [], ...message } : message,
    meta: json.meta,
    wireMessage: undefined,
  };
}

// The json message is what a validator derives from the same wire bytes: web3.js decodes them.
function fromRpcBase64(json: RpcBase64Recording): RecordedTransaction {
  const { result } = json;
  const wire = VersionedTransaction.deserialize(Buffer.from(result.transaction[0], 'base64'));
  const m = wire.message;
  return {
    slot: result.slot,
    blockTime: result.blockTime,
    version: result.version,
    signatures: wire.signatures.map((s) => utils.bytes.bs58.encode(s)),
    message: {
      header: m.header,
      accountKeys: m.staticAccountKeys.map((k) => k.toBase58()),
      recentBlockhash: m.recentBlockhash,
      instructions: m.compiledInstructions.map((ix) => ({
        programIdIndex: ix.programIdIndex,
        accounts: [...ix.accountKeyIndexes],
        data: utils.bytes.bs58.encode(ix.data),
      })),
      ...(m.version === 0
        ? {
            addressTableLookups: m.addressTableLookups.map((l) => ({
              accountKey: l.accountKey.toBase58(),
              writableIndexes: [...l.writableIndexes],
              readonlyIndexes: [...l.readonlyIndexes],
            })),
          }
        : {}),
    },
    meta: result.meta,
    wireMessage: m.serialize(),
  };
}
