import { Connection } from '@solana/web3.js';
import { chooseEndpoint, type EndpointChoice } from '../../rpc-health/endpoint-choice.util';
import {
  type Clock,
  defaultEndpointHealthPolicy,
  type EndpointHealthPolicy,
  type EndpointHealthSnapshot,
  type RpcFailureKind,
} from '../../rpc-health/endpoint-health.model';
import { EndpointHealth } from '../../rpc-health/endpoint-health.window';
import { retryAfterMs } from '../../rpc-health/retry-after.util';
import { abortableDelay } from '../../rpc/abortable-delay.util';
import { endpointLabelOf } from '../../rpc/endpoint-label.util';
import { SolanaHttpError } from './solana-http.error';
import { retryAfterOf, solanaFailureKindOf } from './solana-rpc-failure.util';

/** What the pool tells metrics and alerts about; endpoints by label (host only, no API keys). */
export interface SolanaRpcPoolEvents {
  call?(endpoint: string, method: string, latencyMs: number, failure: RpcFailureKind | undefined): void;
  switched?(choice: Extract<EndpointChoice, { kind: 'use' }>, from: string | undefined, to: string): void;
}

export interface SolanaRpcPoolOptions {
  /** A call slower than this is aborted and counts as a timeout. */
  readonly timeoutMs: number;
  readonly policy?: EndpointHealthPolicy;
  /** A JSON-RPC error is retried this many times (across endpoints) before it is thrown. */
  readonly maxRpcErrorAttempts?: number;
}

interface Endpoint {
  readonly url: string;
  readonly label: string;
  readonly connection: Connection;
  readonly health: EndpointHealth;
}

const MAX_BACKOFF_MS = 5_000;

/**
 * A Solana cluster's RPC endpoints in priority order, each behind a web3.js `Connection`, as one
 * `call`: it goes to the endpoint `chooseEndpoint` picks from their health (error rate over 1%, a
 * call over the timeout, failure runs, 429 Retry-After cool-downs) and is retried — on the next
 * endpoint once the current one trips — until it succeeds or `signal` aborts. Transport failures are
 * retried without limit (reads can always be repeated); JSON-RPC errors `maxRpcErrorAttempts` times.
 * A tripped higher-priority endpoint is probed with `getSlot` and failed back to once it recovers.
 *
 * @example
 * const pool = new SolanaRpcPool(['https://primary', 'https://backup'], () => new Date(), { timeoutMs: 5_000 });
 * const slot = await pool.call('getSlot', (c) => c.getSlot('finalized'), signal);
 */
export class SolanaRpcPool {
  private readonly endpoints: Endpoint[];
  private readonly probing = new Set<string>();
  private current: Endpoint | undefined;

  constructor(
    urls: readonly string[],
    private readonly clock: Clock,
    private readonly options: SolanaRpcPoolOptions,
    private readonly events: SolanaRpcPoolEvents = {},
  ) {
    if (urls.length === 0) throw new RangeError('a Solana RPC pool needs at least one URL');
    const policy = options.policy ?? defaultEndpointHealthPolicy;
    this.endpoints = urls.map((url, i) => ({
      url,
      label: endpointLabelOf(url, i),
      connection: new Connection(url, {
        commitment: 'finalized',
        disableRetryOnRateLimit: true,
        fetch: fetchWithTimeout(options.timeoutMs) as never,
      }),
      health: new EndpointHealth(url, clock, policy),
    }));
  }

  /** The label of the endpoint calls go to now. */
  get currentLabel(): string {
    return (this.current ?? this.endpoints[0]!).label;
  }

  /** Each endpoint's label and health, in priority order. */
  health(): { label: string; snapshot: EndpointHealthSnapshot }[] {
    return this.endpoints.map((e) => ({ label: e.label, snapshot: e.health.snapshot() }));
  }

  async call<T>(
    method: string,
    fn: (connection: Connection) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    let rpcErrors = 0;
    for (let attempt = 0; ; attempt++) {
      signal?.throwIfAborted();
      const endpoint = await this.choose(signal);
      const started = performance.now();
      try {
        const result = await fn(endpoint.connection);
        const latencyMs = performance.now() - started;
        endpoint.health.recordSuccess(latencyMs);
        this.events.call?.(endpoint.label, method, latencyMs, undefined);
        return result;
      } catch (error) {
        const latencyMs = performance.now() - started;
        const kind = solanaFailureKindOf(error);
        endpoint.health.recordFailure(kind, latencyMs, retryAfterMs(retryAfterOf(error), this.clock()));
        this.events.call?.(endpoint.label, method, latencyMs, kind);
        if (kind === 'rpc-error' && ++rpcErrors >= (this.options.maxRpcErrorAttempts ?? 3)) throw error;
        // Another endpoint is tried at once; the same one again only after a backoff.
        if ((await this.choose(signal, false)) === endpoint) {
          await abortableDelay(Math.min(100 * 2 ** Math.min(attempt, 6), MAX_BACKOFF_MS), signal);
        }
      }
    }
  }

  private async choose(signal: AbortSignal | undefined, commit = true): Promise<Endpoint> {
    for (;;) {
      const snapshots = new Map(this.endpoints.map((e) => [e.url, e.health.snapshot()]));
      const urls = this.endpoints.map((e) => e.url);
      const choice = chooseEndpoint(urls, snapshots, this.clock(), this.current?.url, this.options.policy);
      if (choice.kind === 'wait') {
        await abortableDelay(
          Math.min(choice.until.getTime() - this.clock().getTime(), MAX_BACKOFF_MS),
          signal,
        );
        continue;
      }
      const chosen = this.endpoints.find((e) => e.url === choice.url)!;
      if (!commit) return chosen;
      if (choice.probe !== undefined) this.probe(this.endpoints.find((e) => e.url === choice.probe)!);
      if (chosen !== this.current) {
        this.events.switched?.(choice, this.current?.label, chosen.label);
        this.current = chosen;
      }
      return chosen;
    }
  }

  /** A cheap call to a tripped higher-priority endpoint; three good ones bring it back (failback). */
  private probe(endpoint: Endpoint): void {
    if (this.probing.has(endpoint.url)) return;
    this.probing.add(endpoint.url);
    const started = performance.now();
    endpoint.connection
      .getSlot('confirmed')
      .then(
        () => endpoint.health.recordSuccess(performance.now() - started),
        (error: unknown) =>
          endpoint.health.recordFailure(solanaFailureKindOf(error), performance.now() - started),
      )
      .finally(() => this.probing.delete(endpoint.url))
      .catch(() => undefined);
  }
}

/** The fetch web3.js uses: aborts after `timeoutMs`, and throws the HTTP status (with Retry-After) itself. */
function fetchWithTimeout(timeoutMs: number) {
  return async (input: string | URL, init?: RequestInit): Promise<Response> => {
    const response = await fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) {
      throw new SolanaHttpError(response.status, response.headers.get('retry-after'), await response.text());
    }
    return response;
  };
}
