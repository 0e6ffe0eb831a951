/** A misbehaviour the shim can put in place of (or before) a normal answer. */
export type Fault =
  /** Answer with this HTTP status (e.g. 429 with `Retry-After`, 503) instead of the result. */
  | { readonly kind: 'http-status'; readonly status: number; readonly retryAfter?: string }
  /** Answer normally, but only after this many milliseconds (a slow or hanging node). */
  | { readonly kind: 'delay'; readonly ms: number }
  /** Destroy the socket without answering (a reset keep-alive connection, a crashed node). */
  | { readonly kind: 'reset' }
  /** Answer 200 with this JSON-RPC error (e.g. -32005 node is behind). */
  | { readonly kind: 'rpc-error'; readonly code: number; readonly message: string };

export interface FaultRule {
  readonly fault: Fault;
  /** Only requests calling one of these methods; every request when absent. */
  readonly methods?: readonly string[];
  /** How many requests it applies to; until cleared when absent. */
  readonly times?: number;
}

/**
 * The faults a shim server injects, first matching rule first. Tests add rules and clear them to
 * stage outages, rate limits and slow answers against a real client.
 *
 * @example
 * shim.faults.add({ fault: { kind: 'http-status', status: 429, retryAfter: '2' }, times: 1 });
 */
export class FaultPlan {
  private rules: { rule: FaultRule; left: number }[] = [];

  add(rule: FaultRule): void {
    this.rules.push({ rule, left: rule.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault for a request calling `methods`, using up one of its times; undefined for none. */
  take(methods: readonly string[]): Fault | undefined {
    const entry = this.rules.find(
      ({ rule, left }) => left > 0 && (!rule.methods || methods.some((m) => rule.methods?.includes(m))),
    );
    if (!entry) return undefined;
    entry.left -= 1;
    if (entry.left <= 0) this.rules = this.rules.filter((r) => r !== entry);
    return entry.rule.fault;
  }
}
