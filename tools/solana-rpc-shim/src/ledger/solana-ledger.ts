import { LiteSVM, type FailedTransactionMetadata, type TransactionMetadata } from 'litesvm';
import {
  Keypair,
  PublicKey,
  SystemProgram,
  Transaction,
  TransactionInstruction,
  VersionedTransaction,
} from '@solana/web3.js';
import { base58 } from './base58.util';
import type {
  Commitment,
  CompiledInstructionRecord,
  LedgerTransaction,
  TokenBalance,
  TransactionErrorJson,
} from './ledger.types';
import { mintDecimalsOf, tokenAccountFieldsOf, tokenBalanceOf } from './token-account.util';
import { transactionErrorJsonOf } from './transaction-error.util';
import { accountKeysOf } from './account-keys.util';

export interface SolanaLedgerOptions {
  /** Slots between a transaction's slot and the slot where it counts as finalized (mainnet: ~32). */
  readonly finalityDepth?: number;
  /** The first slot; every executed transaction then gets its own next slot. */
  readonly startSlot?: bigint;
  /** Unix-seconds clock stamped as blockTime; injectable for tests. */
  readonly clock?: () => number;
}

/** Why a transaction was refused before it could land (the RPC answers -32002 with these). */
export class TransactionRejectedError extends Error {
  constructor(
    readonly err: TransactionErrorJson,
    readonly logs: readonly string[],
    readonly unitsConsumed: number,
  ) {
    super('transaction failed');
  }
}

/** What the shim's faucet holds for `requestAirdrop` (100,000 SOL; litesvm's own airdrop account holds 1,000,000). */
const FAUCET_LAMPORTS = 100_000_000_000_000n;

/** SPL Memo v2, one of the programs litesvm ships. */
const MEMO_PROGRAM_ID = new PublicKey('MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr');

/** lamports per signature in litesvm's default fee structure. */
const LAMPORTS_PER_SIGNATURE = 5_000;

/**
 * A single-validator ledger over litesvm: executes real transactions with the real SVM and the SPL
 * programs litesvm ships, gives every landed transaction its own slot, and keeps what RPC nodes
 * keep — the transaction, its meta (logs, inner instructions, lamport and token balances) and a
 * newest-first signature index per account — so the RPC layer can answer from it.
 *
 * @example
 * const ledger = new SolanaLedger({ finalityDepth: 32 });
 * const signature = ledger.sendTransaction(wireBytes, { skipPreflight: false });
 */
export class SolanaLedger {
  readonly svm: LiteSVM;
  readonly finalityDepth: number;
  private currentSlot: bigint;
  private readonly clock: () => number;
  private readonly bySignature = new Map<string, LedgerTransaction>();
  /** Per address, signatures oldest first (the RPC serves them newest first). */
  private readonly byAddress = new Map<string, LedgerTransaction[]>();
  private readonly faucet = Keypair.generate();
  private airdrops = 0;

  constructor(options: SolanaLedgerOptions = {}) {
    this.finalityDepth = options.finalityDepth ?? 32;
    this.currentSlot = options.startSlot ?? 1n;
    this.clock = options.clock ?? (() => Math.floor(Date.now() / 1_000));
    this.svm = new LiteSVM().withTransactionHistory(0n);
    this.svm.warpToSlot(this.currentSlot);
    const funded = this.svm.airdrop(svmAddress(this.faucet.publicKey.toBase58()), FAUCET_LAMPORTS as never);
    if (!funded || 'err' in funded) throw new Error(`could not fund the shim faucet: ${String(funded)}`);
  }

  /** The newest slot at a commitment: `finalized` trails by the finality depth. */
  slot(commitment: Commitment = 'finalized'): bigint {
    if (commitment !== 'finalized') return this.currentSlot;
    const finalized = this.currentSlot - BigInt(this.finalityDepth);
    return finalized > 0n ? finalized : 0n;
  }

  /** Moves the clock on by empty slots, as a cluster does between transactions. */
  advanceSlots(count: number): void {
    this.currentSlot += BigInt(count);
    this.svm.warpToSlot(this.currentSlot);
  }

  latestBlockhash(): string {
    return this.svm.latestBlockhash();
  }

  /** Executes a wire transaction; throws TransactionRejectedError on failure unless `skipPreflight`. */
  sendTransaction(wire: Uint8Array, options: { skipPreflight: boolean }): string {
    const versioned = VersionedTransaction.deserialize(wire);
    const keys = accountKeysOf(versioned.message, (key) => this.accountData(key));
    const before = this.balancesOf(keys.all);
    this.advanceSlots(1);
    const result = this.svm.sendTransaction(svmTransactionOf(versioned));
    const failed = 'err' in result ? (result as FailedTransactionMetadata) : undefined;
    const meta: TransactionMetadata = failed ? failed.meta() : (result as TransactionMetadata);
    const err = failed ? transactionErrorJsonOf(failed.err()) : null;
    const units = Number(meta.computeUnitsConsumed());
    if (err !== null && (!options.skipPreflight || isNotLanded(err))) {
      throw new TransactionRejectedError(err, meta.logs(), units);
    }
    const after = this.balancesOf(keys.all);
    const message = versioned.message;
    const signatures = versioned.signatures.map((s) => base58.encode(s));
    const record: LedgerTransaction = {
      signature: signatures[0] ?? '',
      signatures,
      wire,
      slot: this.currentSlot,
      blockTime: this.clock(),
      version: message.version,
      header: message.header,
      staticAccountKeys: keys.staticKeys,
      loadedAddresses: keys.loaded,
      addressTableLookups: message.addressTableLookups.map((l) => ({
        accountKey: l.accountKey.toBase58(),
        writableIndexes: l.writableIndexes,
        readonlyIndexes: l.readonlyIndexes,
      })),
      recentBlockhash: message.recentBlockhash,
      instructions: message.compiledInstructions.map((ix) => ({
        programIdIndex: ix.programIdIndex,
        accounts: ix.accountKeyIndexes,
        data: ix.data,
        stackHeight: null,
      })),
      innerInstructions: innerInstructionsOf(meta),
      err,
      logMessages: meta.logs(),
      fee: LAMPORTS_PER_SIGNATURE * signatures.length,
      preBalances: before.lamports,
      postBalances: after.lamports,
      preTokenBalances: before.tokens,
      postTokenBalances: after.tokens,
      computeUnitsConsumed: units,
      writable: keys.writable,
    };
    this.record(record, keys.all);
    return record.signature;
  }

  /** Sends lamports from the shim's faucet in a real system transfer, as a test validator's airdrop does. */
  requestAirdrop(to: string, amount: bigint): string {
    // A repeated airdrop of the same amount would be the same transaction (AlreadyProcessed): a
    // numbered memo makes each one new without expiring the blockhash other clients signed with.
    this.airdrops += 1;
    const tx = new Transaction().add(
      SystemProgram.transfer({
        fromPubkey: this.faucet.publicKey,
        toPubkey: new PublicKey(to),
        lamports: amount,
      }),
      new TransactionInstruction({
        programId: MEMO_PROGRAM_ID,
        keys: [],
        data: Buffer.from(`airdrop ${this.airdrops}`),
      }),
    );
    tx.recentBlockhash = this.latestBlockhash();
    tx.feePayer = this.faucet.publicKey;
    tx.sign(this.faucet);
    return this.sendTransaction(tx.serialize(), { skipPreflight: false });
  }

  transaction(signature: string, commitment: Commitment): LedgerTransaction | undefined {
    const tx = this.bySignature.get(signature);
    return tx && tx.slot <= this.slot(commitment) ? tx : undefined;
  }

  /** Signatures touching an address at a commitment, newest first. */
  signaturesFor(address: string, commitment: Commitment): LedgerTransaction[] {
    const maxSlot = this.slot(commitment);
    const list = this.byAddress.get(address) ?? [];
    const visible: LedgerTransaction[] = [];
    for (let i = list.length - 1; i >= 0; i--) {
      const tx = list[i]!;
      if (tx.slot <= maxSlot) visible.push(tx);
    }
    return visible;
  }

  accountData(
    key: string,
  ): { lamports: bigint; data: Uint8Array; owner: string; executable: boolean } | undefined {
    const account = this.svm.getAccount(svmAddress(key));
    if (!account.exists) return undefined;
    return {
      lamports: account.lamports,
      data: account.data as Uint8Array,
      owner: account.programAddress,
      executable: account.executable,
    };
  }

  private record(tx: LedgerTransaction, keys: readonly string[]): void {
    this.bySignature.set(tx.signature, tx);
    for (const key of new Set(keys)) {
      const list = this.byAddress.get(key) ?? [];
      list.push(tx);
      this.byAddress.set(key, list);
    }
  }

  private balancesOf(keys: readonly string[]): { lamports: number[]; tokens: TokenBalance[] } {
    const lamportsOf: number[] = [];
    const tokens: TokenBalance[] = [];
    keys.forEach((key, index) => {
      const account = this.accountData(key);
      lamportsOf.push(Number(account?.lamports ?? 0n));
      const fields = account && tokenAccountFieldsOf(account.owner, account.data);
      if (!account || !fields) return;
      const mint = base58.encode(fields.mint);
      const decimals = mintDecimalsOf(this.accountData(mint)?.data ?? new Uint8Array()) ?? 0;
      tokens.push(
        tokenBalanceOf(
          index,
          { mint, owner: base58.encode(fields.owner), programId: account.owner, amount: fields.amount },
          decimals,
        ),
      );
    });
    return { lamports: lamportsOf, tokens };
  }
}

type SvmAddress = Parameters<LiteSVM['getAccount']>[0];

// litesvm takes @solana/kit's branded types; an address is its base58 text.
function svmAddress(key: string): SvmAddress {
  return key as SvmAddress;
}

// kit's Transaction: the message bytes and each required signer's signature.
function svmTransactionOf(tx: VersionedTransaction): Parameters<LiteSVM['sendTransaction']>[0] {
  const signers = tx.message.staticAccountKeys.slice(0, tx.message.header.numRequiredSignatures);
  return {
    messageBytes: tx.message.serialize(),
    signatures: Object.fromEntries(signers.map((key, i) => [key.toBase58(), tx.signatures[i] ?? null])),
  } as unknown as Parameters<LiteSVM['sendTransaction']>[0];
}

// Errors raised before execution: such a transaction never lands, even with skipPreflight.
function isNotLanded(err: LedgerTransaction['err']): boolean {
  return (
    typeof err === 'string' &&
    [
      'AlreadyProcessed',
      'BlockhashNotFound',
      'SignatureFailure',
      'AccountNotFound',
      'SanitizeFailure',
    ].includes(err)
  );
}

function innerInstructionsOf(meta: TransactionMetadata): LedgerTransaction['innerInstructions'] {
  return meta
    .innerInstructions()
    .map((list, index) => ({
      index,
      instructions: list.map(
        (inner): CompiledInstructionRecord => ({
          programIdIndex: inner.instruction().programIdIndex(),
          accounts: [...inner.instruction().accounts()],
          data: inner.instruction().data(),
          stackHeight: inner.stackHeight(),
        }),
      ),
    }))
    .filter((entry) => entry.instructions.length > 0);
}
