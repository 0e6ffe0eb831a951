import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  accountKeysOf,
  getTransactionResultOf,
  signatureEntryOf,
  signatureOf,
  type RecordedTransaction,
} from './recorded-transactions';

/** One JSON-RPC call the server answered, for assertions on what the client asked. */
export interface RecordedRpcRequest {
  readonly method: string;
  readonly params: readonly unknown[];
}

export interface RecordedRpcServer {
  readonly url: string;
  /** Every call served, in arrival order. */
  readonly requests: readonly RecordedRpcRequest[];
  close(): Promise<void>;
}

// Validators' codes for a malformed request and for a v0 transaction asked for without
// maxSupportedTransactionVersion.
const INVALID_PARAMS = -32602;
const METHOD_NOT_FOUND = -32601;
const UNSUPPORTED_TRANSACTION_VERSION = -32015;

class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A loopback Solana JSON-RPC endpoint answering from recorded mainnet transactions, in the wire
 * format validators use: `getTransaction` returns the recorded result in the json encoding (the
 * one the indexer asks for; see recorded-transactions.ts), `getSignaturesForAddress` lists the
 * recordings that touch the address newest first with `before` / `until` / `limit` applied as
 * validators do, and `getSlot` reports a head past the newest recording, so all of them are final.
 * Where no real cluster is reachable, this is how the indexer meets real programs' transactions.
 *
 * @example
 * const rpc = await startRecordedRpcServer(loadAllRecorded());
 * new Connection(rpc.url).getTransaction(signature, { maxSupportedTransactionVersion: 0 });
 */
export async function startRecordedRpcServer(
  transactions: readonly RecordedTransaction[],
): Promise<RecordedRpcServer> {
  const newestFirst = [...transactions].sort((a, b) => b.slot - a.slot);
  const head = Math.max(0, ...transactions.map((tx) => tx.slot)) + 150;
  const requests: RecordedRpcRequest[] = [];

  const methods: Record<string, (params: readonly unknown[]) => unknown> = {
    getHealth: () => 'ok',
    getVersion: () => ({ 'solana-core': '1.16.0-recorded', 'feature-set': 0 }),
    getSlot: () => head,
    getSignaturesForAddress: (params) => {
      const address = stringParam(params[0], 'address');
      const config = configOf(params[1]);
      const before = optionalString(config['before'], 'before');
      const until = optionalString(config['until'], 'until');
      const limit = config['limit'] === undefined ? 1_000 : integerParam(config['limit'], 'limit');
      let listed = newestFirst.filter((tx) => accountKeysOf(tx).includes(address));
      if (before !== undefined) {
        const at = listed.findIndex((tx) => signatureOf(tx) === before);
        listed = at === -1 ? [] : listed.slice(at + 1);
      }
      if (until !== undefined) {
        const at = listed.findIndex((tx) => signatureOf(tx) === until);
        if (at !== -1) listed = listed.slice(0, at);
      }
      return listed.slice(0, limit).map(signatureEntryOf);
    },
    getTransaction: (params) => {
      const signature = stringParam(params[0], 'signature');
      const config = configOf(params[1]);
      const encoding = config['encoding'] ?? 'json';
      if (encoding !== 'json')
        throw new RpcError(
          INVALID_PARAMS,
          `this server answers in the json encoding only, not ${String(encoding)}`,
        );
      const tx = transactions.find((t) => signatureOf(t) === signature);
      if (!tx) return null;
      const withVersion = config['maxSupportedTransactionVersion'] !== undefined;
      if (tx.version === 0 && !withVersion) {
        throw new RpcError(
          UNSUPPORTED_TRANSACTION_VERSION,
          'Transaction version (0) is not supported by the requesting client. Please try the request again with the following configuration parameter: "maxSupportedTransactionVersion": 0',
        );
      }
      return getTransactionResultOf(tx, withVersion);
    },
  };

  const answer = (call: unknown): Record<string, unknown> => {
    const {
      id = null,
      method,
      params = [],
    } = (call ?? {}) as { id?: unknown; method?: unknown; params?: unknown };
    try {
      if (typeof method !== 'string' || !Array.isArray(params)) throw new RpcError(-32600, 'Invalid request');
      requests.push({ method, params });
      const handler = methods[method];
      if (!handler) throw new RpcError(METHOD_NOT_FOUND, 'Method not found');
      return { jsonrpc: '2.0', id, result: handler(params) };
    } catch (error) {
      if (!(error instanceof RpcError)) throw error;
      return { jsonrpc: '2.0', id, error: { code: error.code, message: error.message } };
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      body = undefined;
    }
    const reply =
      body === undefined
        ? { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } }
        : Array.isArray(body)
          ? body.map(answer)
          : answer(body);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function configOf(value: unknown): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value))
    throw new RpcError(INVALID_PARAMS, 'expected a config object');
  return value as Record<string, unknown>;
}

function stringParam(value: unknown, name: string): string {
  if (typeof value !== 'string') throw new RpcError(INVALID_PARAMS, `${name} must be a string`);
  return value;
}

function optionalString(value: unknown, name: string): string | undefined {
  return value === undefined || value === null ? undefined : stringParam(value, name);
}

function integerParam(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new RpcError(INVALID_PARAMS, `${name} must be a positive integer`);
  }
  return value;
}
