import { HttpRequestError, RpcRequestError, TimeoutError } from 'viem';

export interface JsonRpcCall {
  readonly method: string;
  readonly params: readonly unknown[];
}

type RpcBody = { [key: string]: unknown } | { [key: string]: unknown }[];

interface JsonRpcReply {
  id?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

/**
 * One EVM JSON-RPC endpoint over plain `fetch` (undici, keep-alive), with single and batch calls.
 * Lean on purpose: viem's transport costs more per `eth_getLogs` than the whole decode (measured in
 * the bench). Failures are thrown as viem's error classes (HttpRequestError with status and headers,
 * RpcRequestError with the provider's code and words, TimeoutError), so the range and failure
 * classifiers read them exactly as they read viem's own.
 *
 * @example
 * const client = new JsonRpcClient('http://127.0.0.1:8545', 10_000);
 * const head = await client.request<string>('eth_blockNumber', []); // '0x1f'
 */
export class JsonRpcClient {
  private nextId = 1;

  constructor(
    readonly url: string,
    private readonly timeoutMs: number,
  ) {}

  async request<T>(method: string, params: readonly unknown[]): Promise<T> {
    const body = { jsonrpc: '2.0', id: this.nextId++, method, params };
    const reply = (await this.post(body)) as JsonRpcReply;
    return this.resultOf(reply, body) as T;
  }

  /** Several calls in one HTTP request; results in call order. The first failed call throws. */
  async batch<T>(calls: readonly JsonRpcCall[]): Promise<T[]> {
    if (calls.length === 0) return [];
    const bodies = calls.map((call) => ({
      jsonrpc: '2.0',
      id: this.nextId++,
      method: call.method,
      params: call.params,
    }));
    const replies = await this.post(bodies);
    if (!Array.isArray(replies))
      return bodies.map((body) => this.resultOf(replies as JsonRpcReply, body)) as T[];
    const byId = new Map((replies as JsonRpcReply[]).map((reply) => [reply.id, reply]));
    return bodies.map((body) => this.resultOf(byId.get(body.id) ?? {}, body)) as T[];
  }

  private async post(body: RpcBody): Promise<unknown> {
    const text = JSON.stringify(body);
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: text,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (cause) {
      throw this.transportError(body, cause);
    }
    let payload: string;
    try {
      payload = await response.text();
    } catch (cause) {
      throw this.transportError(body, cause);
    }
    if (!response.ok) {
      throw new HttpRequestError({
        url: this.url,
        body,
        status: response.status,
        headers: response.headers,
        details: payload.slice(0, 500) || response.statusText,
      });
    }
    try {
      return JSON.parse(payload);
    } catch (cause) {
      throw new HttpRequestError({
        url: this.url,
        body,
        details: 'response is not JSON',
        cause: cause as Error,
      });
    }
  }

  // By name, not instanceof: fetch's DOMException comes from another realm under Jest, and its
  // numeric `code` must not reach the classifier as if it were a JSON-RPC error code.
  private transportError(body: RpcBody, cause: unknown): Error {
    if ((cause as { name?: unknown } | null)?.name === 'TimeoutError')
      return new TimeoutError({ body, url: this.url });
    return new HttpRequestError({ url: this.url, body, details: detailsOf(cause) });
  }

  private resultOf(reply: JsonRpcReply, body: { [key: string]: unknown; method: string }): unknown {
    if (reply.error) throw new RpcRequestError({ body, error: reply.error, url: this.url });
    if (!('result' in reply)) {
      throw new RpcRequestError({
        body,
        error: { code: -32603, message: `no result for ${body.method}` },
        url: this.url,
      });
    }
    return reply.result;
  }
}

// undici's "fetch failed" hides the socket error (ECONNRESET, ECONNREFUSED) in its cause.
function detailsOf(error: unknown): string {
  const parts: string[] = [];
  let node: unknown = error;
  for (let i = 0; i < 4 && typeof node === 'object' && node !== null && 'message' in node; i++) {
    parts.push(String(node.message));
    node = (node as { cause?: unknown }).cause;
  }
  return parts.join(': ') || String(error);
}
