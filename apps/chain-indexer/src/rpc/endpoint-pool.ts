import { chooseEndpoint, type EndpointChoice } from '../rpc-health/endpoint-choice.util';
import {
  type Clock,
  defaultEndpointHealthPolicy,
  type EndpointHealthPolicy,
  type RpcFailureKind,
} from '../rpc-health/endpoint-health.model';
import { EndpointHealth } from '../rpc-health/endpoint-health.window';
import { retryAfterMs } from '../rpc-health/retry-after.util';
import { retryAfterHeaderOf, rpcFailureKindOf } from '../rpc-health/rpc-failure.util';
import { type JsonRpcCall, JsonRpcClient } from './json-rpc.client';
import { abortableDelay } from './abortable-delay.util';

/** What the pool tells metrics and alerts about. */
export interface EndpointPoolEvents {
  call?(url: string, method: string, latencyMs: number, failure: RpcFailureKind | undefined): void;
  switched?(choice: Extract<EndpointChoice, { kind: 'use' }>): void;
}

export interface EndpointPoolOptions {
  readonly timeoutMs: number;
  /** A JSON-RPC error (not transport) is retried this many times before it is thrown. */
  readonly maxRpcErrorAttempts?: number;
  /** Errors this says are the request's fault (a range too large) are thrown at once, not held against the endpoint. */
  readonly isRequestError?: (error: unknown) => boolean;
  readonly policy?: EndpointHealthPolicy;
}

const MAX_BACKOFF_MS = 5_000;

/**
 * A chain's RPC endpoints in priority order behind one `request`/`batch`: each call goes to the
 * endpoint `chooseEndpoint` picks from their health (error rate, slow calls, failure runs, Retry-After),
 * and is retried — on the next endpoint once the current one trips — until it succeeds or `signal`
 * aborts. Transport failures (network, timeout, 429, 5xx) are retried without limit, since a read
 * can always be repeated; a JSON-RPC error only `maxRpcErrorAttempts` times.
 *
 * @example
 * const pool = new EndpointPool(['https://primary', 'https://backup'], () => new Date(), { timeoutMs: 10_000 });
 * const head = await pool.request<string>('eth_blockNumber', [], signal);
 */
export class EndpointPool {
  private readonly clients: JsonRpcClient[];
  private readonly health = new Map<string, EndpointHealth>();
  private readonly probing = new Set<string>();
  private current: string | undefined;

  constructor(
    readonly urls: readonly string[],
    private readonly clock: Clock,
    private readonly options: EndpointPoolOptions,
    private readonly events: EndpointPoolEvents = {},
  ) {
    if (urls.length === 0) throw new RangeError('an endpoint pool needs at least one URL');
    this.clients = urls.map((url) => new JsonRpcClient(url, options.timeoutMs));
    const policy = options.policy ?? defaultEndpointHealthPolicy;
    for (const url of urls) this.health.set(url, new EndpointHealth(url, clock, policy));
  }

  /** The endpoint calls go to now. */
  get currentUrl(): string {
    return this.current ?? this.urls[0]!;
  }

  snapshots() {
    return this.urls.map((url) => this.health.get(url)!.snapshot());
  }

  request<T>(method: string, params: readonly unknown[], signal?: AbortSignal): Promise<T> {
    return this.execute(method, (client) => client.request<T>(method, params), signal);
  }

  batch<T>(calls: readonly JsonRpcCall[], signal?: AbortSignal): Promise<T[]> {
    return this.execute(calls[0]?.method ?? 'batch', (client) => client.batch<T>(calls), signal);
  }

  /**
   * The call on each endpoint but `refusedBy`, in priority order, once each: for a request one
   * provider refuses outright (a block over its result cap) that another may serve. Throws the last error.
   */
  async requestElsewhere<T>(
    method: string,
    params: readonly unknown[],
    refusedBy: string,
    signal?: AbortSignal,
  ): Promise<T> {
    let lastError: unknown = new Error(`no endpoint other than ${refusedBy}`);
    for (const [i, url] of this.urls.entries()) {
      if (url === refusedBy) continue;
      signal?.throwIfAborted();
      const started = performance.now();
      try {
        const result = await this.clients[i]!.request<T>(method, params);
        this.health.get(url)!.recordSuccess(performance.now() - started);
        this.events.call?.(url, method, performance.now() - started, undefined);
        return result;
      } catch (error) {
        lastError = error;
        const kind = this.options.isRequestError?.(error) ? undefined : rpcFailureKindOf(error);
        if (kind) this.health.get(url)!.recordFailure(kind, performance.now() - started);
        this.events.call?.(url, method, performance.now() - started, kind);
      }
    }
    throw lastError;
  }

  private async execute<T>(
    method: string,
    call: (client: JsonRpcClient) => Promise<T>,
    signal: AbortSignal | undefined,
  ): Promise<T> {
    let rpcErrors = 0;
    for (let attempt = 0; ; attempt++) {
      signal?.throwIfAborted();
      const url = await this.choose(signal);
      const client = this.clients[this.urls.indexOf(url)]!;
      const health = this.health.get(url)!;
      const started = performance.now();
      try {
        const result = await call(client);
        const latencyMs = performance.now() - started;
        health.recordSuccess(latencyMs);
        this.events.call?.(url, method, latencyMs, undefined);
        return result;
      } catch (error) {
        const latencyMs = performance.now() - started;
        if (this.options.isRequestError?.(error)) {
          // The endpoint answered; the request was too big. Not the endpoint's failure.
          health.recordSuccess(latencyMs);
          this.events.call?.(url, method, latencyMs, undefined);
          throw error;
        }
        const kind = rpcFailureKindOf(error);
        health.recordFailure(kind, latencyMs, retryAfterMs(retryAfterHeaderOf(error), this.clock()));
        this.events.call?.(url, method, latencyMs, kind);
        if (kind === 'rpc-error' && ++rpcErrors >= (this.options.maxRpcErrorAttempts ?? 5)) throw error;
        // Another endpoint is tried at once; the same one again after a backoff.
        if ((await this.choose(signal, false)) === url) {
          await abortableDelay(Math.min(100 * 2 ** Math.min(attempt, 6), MAX_BACKOFF_MS), signal);
        }
      }
    }
  }

  /** The endpoint to call, switching (and reporting the switch) when the choice changes. */
  private async choose(signal: AbortSignal | undefined, commit = true): Promise<string> {
    for (;;) {
      const snapshots = new Map(this.snapshots().map((s) => [s.url, s]));
      const choice = chooseEndpoint(this.urls, snapshots, this.clock(), this.current, this.options.policy);
      if (choice.kind === 'wait') {
        await abortableDelay(
          Math.min(choice.until.getTime() - this.clock().getTime(), MAX_BACKOFF_MS),
          signal,
        );
        continue;
      }
      if (!commit) return choice.url;
      if (choice.probe !== undefined) this.probe(choice.probe);
      if (choice.url !== this.current) {
        if (this.current !== undefined) this.events.switched?.(choice);
        this.current = choice.url;
      }
      return choice.url;
    }
  }

  /** A cheap call to a tripped higher-priority endpoint; its successes bring it back (failback). */
  private probe(url: string): void {
    if (this.probing.has(url)) return;
    this.probing.add(url);
    const health = this.health.get(url)!;
    const client = this.clients[this.urls.indexOf(url)]!;
    const started = performance.now();
    void client
      .request('eth_blockNumber', [])
      .then(
        () => health.recordSuccess(performance.now() - started),
        (error: unknown) => health.recordFailure(rpcFailureKindOf(error), performance.now() - started),
      )
      .finally(() => this.probing.delete(url));
  }
}
