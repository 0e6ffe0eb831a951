import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SolanaLedger, type SolanaLedgerOptions } from '../ledger/solana-ledger';
import { JsonRpcError } from '../rpc/json-rpc.error';
import { rpcMethods } from '../rpc/rpc-methods';
import { type Fault, FaultPlan } from './fault-plan';

export interface SolanaRpcShimOptions {
  /** Share one ledger between servers to stand for several RPC providers of one cluster. */
  readonly ledger?: SolanaLedger;
  readonly ledgerOptions?: SolanaLedgerOptions;
  readonly host?: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
}

/** One request the server received, for tests asserting who was called when. */
export interface ShimRequest {
  readonly atMs: number;
  readonly methods: readonly string[];
  readonly fault: Fault['kind'] | undefined;
}

export interface SolanaRpcShim {
  readonly url: string;
  readonly port: number;
  readonly ledger: SolanaLedger;
  readonly faults: FaultPlan;
  /** Every request so far, oldest first. */
  readonly requests: ShimRequest[];
  /** Stops listening and drops open connections (keep-alive sockets included). */
  close(): Promise<void>;
}

interface JsonRpcRequest {
  jsonrpc?: unknown;
  id?: unknown;
  method?: unknown;
  params?: unknown;
}

/**
 * Serves Solana JSON-RPC over HTTP from a litesvm ledger, with injectable faults, on loopback by
 * default. Single requests and batches; errors in JSON-RPC 2.0 shape with Solana's codes.
 *
 * @example
 * const shim = await startSolanaRpcShim();
 * const connection = new Connection(shim.url, 'confirmed');
 */
export async function startSolanaRpcShim(options: SolanaRpcShimOptions = {}): Promise<SolanaRpcShim> {
  const ledger = options.ledger ?? new SolanaLedger(options.ledgerOptions);
  const faults = new FaultPlan();
  const requests: ShimRequest[] = [];
  const server = createServer((req, res) => {
    readBody(req).then(
      (body) => answer(ledger, faults, requests, body, req, res),
      () => res.destroy(),
    );
  });
  await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    ledger,
    faults,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function answer(
  ledger: SolanaLedger,
  faults: FaultPlan,
  requests: ShimRequest[],
  body: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'POST') {
    res.writeHead(405, { allow: 'POST' }).end();
    return;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    send(res, errorResponse(null, JsonRpcError.parse((error as Error).message)));
    return;
  }
  const calls = Array.isArray(parsed) ? (parsed as JsonRpcRequest[]) : [parsed as JsonRpcRequest];
  const methods = calls.map((c) => (typeof c?.method === 'string' ? c.method : ''));
  const fault = faults.take(methods);
  requests.push({ atMs: Date.now(), methods, fault: fault?.kind });
  if (fault?.kind === 'reset') {
    req.socket.destroy();
    return;
  }
  if (fault?.kind === 'http-status') {
    const headers: Record<string, string> = { 'content-type': 'text/plain' };
    if (fault.retryAfter !== undefined) headers['retry-after'] = fault.retryAfter;
    res.writeHead(fault.status, headers).end(`${fault.status} injected by solana-rpc-shim`);
    return;
  }
  if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms));
  if (res.destroyed) return;
  const rpcFault = fault?.kind === 'rpc-error' ? new JsonRpcError(fault.code, fault.message) : undefined;
  const results = calls.map((call) =>
    rpcFault ? errorResponse(idOf(call), rpcFault) : dispatch(ledger, call),
  );
  send(res, Array.isArray(parsed) ? results : results[0]);
}

function dispatch(ledger: SolanaLedger, call: JsonRpcRequest): unknown {
  const id = idOf(call);
  if (
    typeof call !== 'object' ||
    call === null ||
    call.jsonrpc !== '2.0' ||
    typeof call.method !== 'string'
  ) {
    return errorResponse(id, JsonRpcError.invalidRequest());
  }
  const handler = rpcMethods[call.method];
  if (!handler) return errorResponse(id, JsonRpcError.methodNotFound());
  const params = call.params ?? [];
  if (!Array.isArray(params)) return errorResponse(id, JsonRpcError.invalidParams('params must be an array'));
  try {
    return { jsonrpc: '2.0', result: handler(ledger, params), id };
  } catch (error) {
    if (error instanceof JsonRpcError) return errorResponse(id, error);
    return errorResponse(id, new JsonRpcError(-32603, `Internal error: ${(error as Error).message}`));
  }
}

function errorResponse(id: unknown, error: JsonRpcError) {
  return {
    jsonrpc: '2.0',
    error: {
      code: error.code,
      message: error.message,
      ...(error.data === undefined ? {} : { data: error.data }),
    },
    id,
  };
}

function idOf(call: JsonRpcRequest): unknown {
  return typeof call === 'object' && call !== null && call.id !== undefined ? call.id : null;
}

function send(res: ServerResponse, payload: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
