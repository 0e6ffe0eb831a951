import { chooseEndpoint, type EndpointChoice } from '../rpc-health/endpoint-choice.util';
import {
  type Clock,
  defaultEndpointHealthPolicy,
  type EndpointHealthPolicy,
  type EndpointHealthSnapshot,
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
  /** The endpoint answered `eth_chainId` with another chain: it is out of the pool for good. */
  wrongChain?(url: string, expected: number, actual: number): void;
}

export interface EndpointPoolOptions {
  readonly timeoutMs: number;
  /** A JSON-RPC error (not transport) is retried this many times before it is thrown. */
  readonly maxRpcErrorAttempts?: number;
  /** Errors this says are the request's fault (a range too large) are thrown at once, not held against the endpoint. */
  readonly isRequestError?: (error: unknown) => boolean;
  readonly policy?: EndpointHealthPolicy;
  /**
   * The chain every endpoint must serve: each is asked `eth_chainId` before its first call (all of
   * them at once by `checkChainIds`), and one that answers another chain is never called again.
   */
  readonly chainId?: number;
}

/** Every endpoint of the pool answered `eth_chainId` with another chain than the configured one. */
export class WrongChainError extends Error {
  constructor(
    readonly expected: number,
    readonly answers: ReadonlyMap<string, number>,
  ) {
    super(
      `no RPC endpoint serves chain ${expected}: ${[...answers.values()].map((id) => `chain ${id}`).join(', ')}`,
    );
    this.name = 'WrongChainError';
  }
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
  /** `eth_chainId` answers, when a wrong one came, and the questions in flight. */
  private readonly chainIds = new Map<string, number>();
  private readonly wrongChainSince = new Map<string, Date>();
  private readonly chainIdChecks = new Map<string, Promise<void>>();
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

  /** Each endpoint's health; one serving another chain shows as tripped (`wrong-chain`) for good. */
  snapshots(): EndpointHealthSnapshot[] {
    return this.urls.map((url) => {
      const snapshot = this.health.get(url)!.snapshot();
      if (!this.servesOtherChain(url)) return snapshot;
      return { ...snapshot, tripped: { reason: 'wrong-chain', at: this.wrongChainSince.get(url)! } };
    });
  }

  /**
   * Asks every endpoint for its chain id now, so a misconfigured one is reported at start rather than
   * at its first call. One that cannot answer yet (down) counts a failure and is asked again before
   * its first call.
   */
  async checkChainIds(): Promise<void> {
    await Promise.all(
      this.urls.map(async (url) => {
        const started = performance.now();
        try {
          await this.checkChainId(url);
        } catch (error) {
          const kind = rpcFailureKindOf(error);
          this.health.get(url)!.recordFailure(kind, performance.now() - started);
          this.events.call?.(url, 'eth_chainId', performance.now() - started, kind);
        }
      }),
    );
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
      if (url === refusedBy || this.servesOtherChain(url)) continue;
      signal?.throwIfAborted();
      const started = performance.now();
      try {
        await this.checkChainId(url);
        if (this.servesOtherChain(url)) continue;
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
        // A failed check is this call's failure; a wrong answer takes the endpoint out, and choose() moves on.
        await this.checkChainId(url);
        if (this.servesOtherChain(url)) continue;
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
      const urls = this.urls.filter((url) => !this.servesOtherChain(url));
      if (urls.length === 0) throw new WrongChainError(this.options.chainId!, this.chainIds);
      const snapshots = new Map(this.snapshots().map((s) => [s.url, s]));
      const choice = chooseEndpoint(urls, snapshots, this.clock(), this.current, this.options.policy);
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

  /** Asks `url` for its chain id once (callers at the same time share the question); throws what the call throws. */
  private async checkChainId(url: string): Promise<void> {
    const expected = this.options.chainId;
    if (expected === undefined || this.chainIds.has(url)) return;
    let check = this.chainIdChecks.get(url);
    if (!check) {
      const client = this.clients[this.urls.indexOf(url)]!;
      check = client
        .request<string>('eth_chainId', [])
        .then((answer) => {
          const actual = Number(answer);
          this.chainIds.set(url, actual);
          if (actual === expected) return;
          this.wrongChainSince.set(url, this.clock());
          this.events.wrongChain?.(url, expected, actual);
        })
        .finally(() => this.chainIdChecks.delete(url));
      this.chainIdChecks.set(url, check);
    }
    await check;
  }

  private servesOtherChain(url: string): boolean {
    return this.wrongChainSince.has(url);
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
