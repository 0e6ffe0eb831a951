import { base58 } from '../ledger/base58.util';
import type { CompiledInstructionRecord, LedgerTransaction } from '../ledger/ledger.types';
import { parsedInstructionOf, unparsedInstructionOf } from './parsed-instruction.util';

/** The encodings of `getTransaction` the shim serves. */
export type TransactionEncoding = 'json' | 'jsonParsed' | 'base64' | 'base58';

/**
 * A ledger transaction as `getTransaction` returns it: `{ slot, blockTime, version?, transaction, meta }`.
 * `version` is present only when the client sent `maxSupportedTransactionVersion`, as validators do.
 */
export function encodeTransaction(
  tx: LedgerTransaction,
  encoding: TransactionEncoding,
  withVersion: boolean,
): Record<string, unknown> {
  const keys = [...tx.staticAccountKeys, ...tx.loadedAddresses.writable, ...tx.loadedAddresses.readonly];
  const parsed = encoding === 'jsonParsed';
  const transaction =
    encoding === 'base64'
      ? [Buffer.from(tx.wire).toString('base64'), 'base64']
      : encoding === 'base58'
        ? [base58.encode(tx.wire), 'base58']
        : {
            signatures: tx.signatures,
            message: parsed ? parsedMessageOf(tx, keys) : jsonMessageOf(tx),
          };
  const innerInstructions = tx.innerInstructions.map((entry) => ({
    index: entry.index,
    instructions: entry.instructions.map((ix) =>
      parsed ? parsedInstructionJsonOf(ix, keys) : compiledInstructionJsonOf(ix),
    ),
  }));
  return {
    slot: Number(tx.slot),
    blockTime: tx.blockTime,
    ...(withVersion ? { version: tx.version } : {}),
    transaction,
    meta: {
      err: tx.err,
      status: tx.err === null ? { Ok: null } : { Err: tx.err },
      fee: tx.fee,
      preBalances: tx.preBalances,
      postBalances: tx.postBalances,
      innerInstructions,
      logMessages: tx.logMessages,
      preTokenBalances: tx.preTokenBalances,
      postTokenBalances: tx.postTokenBalances,
      rewards: [],
      loadedAddresses: tx.loadedAddresses,
      computeUnitsConsumed: tx.computeUnitsConsumed,
    },
  };
}

function jsonMessageOf(tx: LedgerTransaction) {
  return {
    header: tx.header,
    accountKeys: tx.staticAccountKeys,
    recentBlockhash: tx.recentBlockhash,
    instructions: tx.instructions.map(compiledInstructionJsonOf),
    ...(tx.version === 0 ? { addressTableLookups: tx.addressTableLookups } : {}),
  };
}

function parsedMessageOf(tx: LedgerTransaction, keys: readonly string[]) {
  return {
    accountKeys: keys.map((pubkey, i) => ({
      pubkey,
      signer: i < tx.header.numRequiredSignatures,
      writable: tx.writable[i] ?? false,
      source: i < tx.staticAccountKeys.length ? 'transaction' : 'lookupTable',
    })),
    recentBlockhash: tx.recentBlockhash,
    instructions: tx.instructions.map((ix) => parsedInstructionJsonOf(ix, keys)),
    ...(tx.version === 0 ? { addressTableLookups: tx.addressTableLookups } : {}),
  };
}

function compiledInstructionJsonOf(ix: CompiledInstructionRecord) {
  return {
    programIdIndex: ix.programIdIndex,
    accounts: [...ix.accounts],
    data: base58.encode(ix.data),
    stackHeight: ix.stackHeight,
  };
}

function parsedInstructionJsonOf(ix: CompiledInstructionRecord, keys: readonly string[]) {
  const programId = keys[ix.programIdIndex] ?? '';
  const accounts = ix.accounts.map((i) => keys[i] ?? '');
  const parsed = parsedInstructionOf(programId, accounts, ix.data);
  return { ...(parsed ?? unparsedInstructionOf(programId, accounts, ix.data)), stackHeight: ix.stackHeight };
}
