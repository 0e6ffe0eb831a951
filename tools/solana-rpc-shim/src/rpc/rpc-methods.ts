import { TransactionRejectedError, type SolanaLedger } from '../ledger/solana-ledger';
import type { Commitment } from '../ledger/ledger.types';
import { base58 } from '../ledger/base58.util';
import { transactionErrorTextOf } from '../ledger/transaction-error.util';
import { JsonRpcError, SOLANA_RPC_ERROR } from './json-rpc.error';
import { signaturePageOf } from './signature-page.util';
import { encodeTransaction, type TransactionEncoding } from './transaction-encoding.util';

type Params = readonly unknown[];
type Handler = (ledger: SolanaLedger, params: Params) => unknown;

/** How many blocks a blockhash stays valid, as on mainnet. */
const BLOCKHASH_VALIDITY_BLOCKS = 150n;

/**
 * The JSON-RPC methods the shim answers, by name, each reading its positional params the way
 * validators do (a pubkey or signature string first, then an optional config object).
 */
export const rpcMethods: Readonly<Record<string, Handler>> = {
  getHealth: () => 'ok',
  getVersion: () => ({ 'solana-core': '2.3.0-litesvm-shim', 'feature-set': 0 }),
  getGenesisHash: () => '11111111111111111111111111111111',
  getSlot: (ledger, params) => Number(ledger.slot(commitmentOf(params[0]))),
  getBlockHeight: (ledger, params) => Number(ledger.slot(commitmentOf(params[0]))),
  getLatestBlockhash: (ledger, params) => {
    const slot = ledger.slot(commitmentOf(params[0]));
    return withContext(ledger, params[0], {
      blockhash: ledger.latestBlockhash(),
      lastValidBlockHeight: Number(slot + BLOCKHASH_VALIDITY_BLOCKS),
    });
  },
  getMinimumBalanceForRentExemption: (ledger, params) =>
    Number(ledger.svm.minimumBalanceForRentExemption(BigInt(integerParam(params[0], 'dataLength')))),
  getBalance: (ledger, params) =>
    withContext(ledger, params[1], Number(ledger.accountData(pubkeyParam(params[0]))?.lamports ?? 0n)),
  getAccountInfo: (ledger, params) => {
    const account = ledger.accountData(pubkeyParam(params[0]));
    const encoding = configOf(params[1])['encoding'] === 'base58' ? 'base58' : 'base64';
    // A missing account is `"value": null` on the wire (undefined would drop the key).
    return withContext(
      ledger,
      params[1],
      account === undefined
        ? null
        : {
            data: [
              encoding === 'base58'
                ? base58.encode(account.data)
                : Buffer.from(account.data).toString('base64'),
              encoding,
            ],
            executable: account.executable,
            lamports: Number(account.lamports),
            owner: account.owner,
            rentEpoch: Number.MAX_SAFE_INTEGER,
            space: account.data.length,
          },
    );
  },
  requestAirdrop: (ledger, params) => {
    try {
      return ledger.requestAirdrop(pubkeyParam(params[0]), BigInt(integerParam(params[1], 'lamports')));
    } catch (error) {
      if (!(error instanceof TransactionRejectedError)) throw error;
      throw new JsonRpcError(-32603, `Internal error: airdrop failed: ${transactionErrorTextOf(error.err)}`);
    }
  },
  sendTransaction: (ledger, params) => {
    const config = configOf(params[1]);
    const text = stringParam(params[0], 'transaction');
    const wire = config['encoding'] === 'base64' ? Buffer.from(text, 'base64') : base58.decode(text);
    try {
      return ledger.sendTransaction(wire, { skipPreflight: config['skipPreflight'] === true });
    } catch (error) {
      if (!(error instanceof TransactionRejectedError)) {
        throw JsonRpcError.invalidParams(`failed to deserialize transaction: ${(error as Error).message}`);
      }
      throw new JsonRpcError(
        SOLANA_RPC_ERROR.sendTransactionPreflightFailure,
        `Transaction simulation failed: ${transactionErrorTextOf(error.err)}`,
        {
          accounts: null,
          err: error.err,
          logs: error.logs,
          returnData: null,
          unitsConsumed: error.unitsConsumed,
        },
      );
    }
  },
  getSignatureStatuses: (ledger, params) => {
    const signatures = params[0];
    if (!Array.isArray(signatures)) throw JsonRpcError.invalidParams('expected an array of signatures');
    const finalized = ledger.slot('finalized');
    const head = ledger.slot('confirmed');
    return withContext(
      ledger,
      undefined,
      signatures.map((signature) => {
        const tx = ledger.transaction(stringParam(signature, 'signature'), 'confirmed');
        if (!tx) return null;
        const isFinal = tx.slot <= finalized;
        return {
          slot: Number(tx.slot),
          confirmations: isFinal ? null : Number(head - tx.slot),
          err: tx.err,
          status: tx.err === null ? { Ok: null } : { Err: tx.err },
          confirmationStatus: isFinal ? 'finalized' : 'confirmed',
        };
      }),
    );
  },
  getSignaturesForAddress: (ledger, params) => {
    const config = configOf(params[1]);
    const commitment = commitmentOf(params[1]);
    const finalized = ledger.slot('finalized');
    const page = signaturePageOf(
      ledger.signaturesFor(pubkeyParam(params[0]), commitment),
      (tx) => tx.signature,
      {
        before: optionalString(config['before'], 'before'),
        until: optionalString(config['until'], 'until'),
        limit: config['limit'] === undefined ? undefined : integerParam(config['limit'], 'limit'),
      },
    );
    return page.map((tx) => ({
      signature: tx.signature,
      slot: Number(tx.slot),
      err: tx.err,
      memo: null,
      blockTime: tx.blockTime,
      confirmationStatus: tx.slot <= finalized ? 'finalized' : 'confirmed',
    }));
  },
  getTransaction: (ledger, params) => {
    const config = configOf(params[1]);
    const tx = ledger.transaction(stringParam(params[0], 'signature'), commitmentOf(params[1]));
    if (!tx) return null;
    const maxVersion = config['maxSupportedTransactionVersion'];
    if (tx.version === 0 && maxVersion === undefined) {
      throw new JsonRpcError(
        SOLANA_RPC_ERROR.unsupportedTransactionVersion,
        'Transaction version (0) is not supported by the requesting client. Please try the request again with the following configuration parameter: "maxSupportedTransactionVersion": 0',
      );
    }
    return encodeTransaction(tx, encodingOf(config['encoding']), maxVersion !== undefined);
  },
};

function withContext(ledger: SolanaLedger, config: unknown, value: unknown) {
  return { context: { apiVersion: '2.3.0', slot: Number(ledger.slot(commitmentOf(config))) }, value };
}

function configOf(value: unknown): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value))
    throw JsonRpcError.invalidParams('expected a config object');
  return value as Record<string, unknown>;
}

function commitmentOf(config: unknown): Commitment {
  const commitment = configOf(config)['commitment'] ?? 'finalized';
  if (commitment === 'processed' || commitment === 'confirmed' || commitment === 'finalized')
    return commitment;
  throw JsonRpcError.invalidParams(`unknown commitment ${JSON.stringify(commitment)}`);
}

function encodingOf(value: unknown): TransactionEncoding {
  const encoding = value ?? 'json';
  if (encoding === 'json' || encoding === 'jsonParsed' || encoding === 'base64' || encoding === 'base58') {
    return encoding;
  }
  throw JsonRpcError.invalidParams(`unknown variant \`${String(encoding)}\``);
}

function stringParam(value: unknown, name: string): string {
  if (typeof value !== 'string') throw JsonRpcError.invalidParams(`${name} must be a string`);
  return value;
}

function optionalString(value: unknown, name: string): string | undefined {
  return value === undefined || value === null ? undefined : stringParam(value, name);
}

function integerParam(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw JsonRpcError.invalidParams(`${name} must be a non-negative integer`);
  }
  return value;
}

function pubkeyParam(value: unknown): string {
  const text = stringParam(value, 'pubkey');
  let bytes: Uint8Array;
  try {
    bytes = base58.decode(text);
  } catch {
    throw JsonRpcError.invalidParams('Invalid param: Invalid');
  }
  if (bytes.length !== 32) throw JsonRpcError.invalidParams('Invalid param: WrongSize');
  return text;
}
