import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One JSON-RPC call as the proxy saw it. */
export interface ProxiedCall {
  readonly method: string;
  readonly params: unknown[];
}

/** What the proxy does with a request, decided by the first fault that returns something. */
export type FaultAction =
  | {
      readonly kind: 'respond';
      readonly status: number;
      readonly body: unknown;
      readonly headers?: Record<string, string>;
    }
  /** JSON-RPC error reply (HTTP 200) for a single call. */
  | { readonly kind: 'rpc-error'; readonly code: number; readonly message: string }
  | { readonly kind: 'delay'; readonly ms: number }
  /** Drops the TCP connection without an answer (an RST, as a server closing an idle keep-alive socket). */
  | { readonly kind: 'reset' }
  /** Runs `before` (e.g. a chain reorg), then forwards. */
  | { readonly kind: 'run-then-forward'; readonly before: () => Promise<void> };

export interface FaultContext {
  readonly calls: readonly ProxiedCall[];
  /** How many requests this TCP connection carried before this one (> 0: a reused keep-alive socket). */
  readonly previousOnSocket: number;
}

export type Fault = (context: FaultContext) => FaultAction | undefined;

/**
 * An HTTP proxy in front of a JSON-RPC node that injects the faults tests ask for: provider error
 * replies, 429 with Retry-After, slow answers, connection resets, and being down altogether.
 * Everything else is forwarded unchanged.
 *
 * @example
 * const proxy = await startFaultProxy(node.rpcUrl);
 * proxy.faults.push(({ calls }) => (calls[0]?.method === 'eth_getLogs' ? { kind: 'respond', status: 429, body: 'slow down', headers: { 'retry-after': '1' } } : undefined));
 */
export async function startFaultProxy(targetUrl: string) {
  const faults: Fault[] = [];
  const served = new Map<string, number>();
  const injected = new Map<string, number>();
  const sockets = new Map<Socket, number>();
  const track = (socket: Socket) => {
    sockets.set(socket, 0);
    socket.on('close', () => sockets.delete(socket));
  };
  const makeServer = () => createServer((req, res) => void handle(req, res)).on('connection', track);
  let server: Server = makeServer();
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const socket = req.socket;
    const previousOnSocket = sockets.get(socket) ?? 0;
    sockets.set(socket, previousOnSocket + 1);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const parsed = JSON.parse(text) as ProxiedCall | ProxiedCall[];
    const calls = Array.isArray(parsed) ? parsed : [parsed];
    let action: FaultAction | undefined;
    for (const fault of faults) {
      action = fault({ calls, previousOnSocket });
      if (action) break;
    }
    const method = calls[0]?.method ?? 'none';
    if (action) count(injected, `${action.kind}:${method}`);
    switch (action?.kind) {
      case 'reset':
        socket.resetAndDestroy();
        return;
      case 'respond':
        res.writeHead(action.status, { 'content-type': 'application/json', ...(action.headers ?? {}) });
        res.end(typeof action.body === 'string' ? action.body : JSON.stringify(action.body));
        return;
      case 'rpc-error': {
        const id = (parsed as { id?: unknown }).id ?? null;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({ jsonrpc: '2.0', id, error: { code: action.code, message: action.message } }),
        );
        return;
      }
      case 'delay':
        await new Promise((resolve) => setTimeout(resolve, action.ms));
        break;
      case 'run-then-forward':
        await action.before();
        break;
      case undefined:
        break;
    }
    if (res.destroyed) return;
    for (const call of calls) count(served, call.method);
    try {
      const upstream = await fetch(targetUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: text,
      });
      const body = await upstream.text();
      res.writeHead(upstream.status, { 'content-type': 'application/json' });
      res.end(body);
    } catch {
      socket.destroy();
    }
  }

  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });
  const port = await listen(0);

  return {
    url: `http://127.0.0.1:${port}`,
    faults,
    /** Calls forwarded to the node, by method. */
    served,
    /** Faults injected, by `<kind>:<method>`. */
    injected,
    /** Down: connections are refused (the port is closed) and open ones are reset. */
    async setDown(down: boolean): Promise<void> {
      if (down) {
        const closed = new Promise((resolve) => server.close(resolve));
        for (const socket of sockets.keys()) socket.resetAndDestroy();
        await closed;
      } else {
        server = makeServer();
        await listen(port);
      }
    },
    async stop(): Promise<void> {
      for (const socket of sockets.keys()) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export type FaultProxy = Awaited<ReturnType<typeof startFaultProxy>>;
