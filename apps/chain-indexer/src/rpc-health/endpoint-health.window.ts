import {
  type Clock,
  defaultEndpointHealthPolicy,
  type EndpointHealthPolicy,
  type EndpointHealthSnapshot,
  type RpcFailureKind,
  type TripReason,
} from './endpoint-health.model';
import { percentileOf } from './latency-percentile.util';

interface CallSample {
  readonly atMs: number;
  readonly latencyMs: number;
  readonly failure: RpcFailureKind | undefined;
}

/**
 * One RPC endpoint's recent calls over a sliding window, and whether it is tripped (out of rotation).
 * It trips on the policy's error rate, slow call or run of failures, and recovers after enough fast
 * successes in a row — then its window starts afresh, so the failures that tripped it cannot trip
 * it again. Times come from the injected clock.
 *
 * @example
 * const health = new EndpointHealth('https://eth.example', () => new Date());
 * health.recordSuccess(120);
 * health.recordFailure('rate-limited', 80, 2_000); // cools down for 2 s
 * health.snapshot().errorRate // 0.5
 */
export class EndpointHealth {
  private samples: CallSample[] = [];
  private consecutiveFailures = 0;
  private consecutiveSuccesses = 0;
  private lastFailureKind: RpcFailureKind | undefined;
  private lastCallAtMs: number | undefined;
  private trippedAt: { reason: TripReason; atMs: number } | undefined;
  private coolDownUntilMs: number | undefined;

  constructor(
    readonly url: string,
    private readonly clock: Clock,
    readonly policy: EndpointHealthPolicy = defaultEndpointHealthPolicy,
  ) {}

  recordSuccess(latencyMs: number): void {
    const nowMs = this.record(latencyMs, undefined);
    this.consecutiveFailures = 0;
    if (latencyMs > this.policy.slowCallMs) {
      this.consecutiveSuccesses = 0;
      this.trip('slow-call', nowMs);
      return;
    }
    this.consecutiveSuccesses += 1;
    if (this.trippedAt && this.consecutiveSuccesses >= this.policy.recoverySuccesses) {
      this.trippedAt = undefined;
      this.samples = this.samples.slice(-this.consecutiveSuccesses);
    }
  }

  /** A failed call; `retryAfterMs` (from a 429/503 Retry-After) keeps the endpoint out until it passes. */
  recordFailure(kind: RpcFailureKind, latencyMs: number, retryAfterMs?: number): void {
    const nowMs = this.record(latencyMs, kind);
    this.consecutiveFailures += 1;
    this.consecutiveSuccesses = 0;
    this.lastFailureKind = kind;
    if (retryAfterMs !== undefined) {
      this.coolDownUntilMs = Math.max(this.coolDownUntilMs ?? 0, nowMs + retryAfterMs);
    }
    const reason = this.tripReasonAfterFailure(latencyMs);
    if (reason) this.trip(reason, nowMs);
  }

  snapshot(): EndpointHealthSnapshot {
    this.prune(this.clock().getTime());
    const failures = this.samples.filter((s) => s.failure !== undefined).length;
    const answered = this.samples.filter((s) => s.failure === undefined).map((s) => s.latencyMs);
    return {
      url: this.url,
      calls: this.samples.length,
      failures,
      errorRate: this.samples.length === 0 ? 0 : failures / this.samples.length,
      p50LatencyMs: percentileOf(answered, 50),
      p95LatencyMs: percentileOf(answered, 95),
      consecutiveFailures: this.consecutiveFailures,
      consecutiveSuccesses: this.consecutiveSuccesses,
      lastFailureKind: this.lastFailureKind,
      lastCallAt: dateOf(this.lastCallAtMs),
      tripped: this.trippedAt && { reason: this.trippedAt.reason, at: new Date(this.trippedAt.atMs) },
      coolDownUntil: dateOf(this.coolDownUntilMs),
    };
  }

  private record(latencyMs: number, failure: RpcFailureKind | undefined): number {
    const nowMs = this.clock().getTime();
    this.samples.push({ atMs: nowMs, latencyMs, failure });
    this.lastCallAtMs = nowMs;
    this.prune(nowMs);
    return nowMs;
  }

  private tripReasonAfterFailure(latencyMs: number): TripReason | undefined {
    if (latencyMs > this.policy.slowCallMs) return 'slow-call';
    if (this.consecutiveFailures >= this.policy.maxConsecutiveFailures) return 'consecutive-failures';
    const calls = this.samples.length;
    const failures = this.samples.filter((s) => s.failure !== undefined).length;
    if (calls >= this.policy.minSamples && failures / calls > this.policy.maxErrorRate) return 'error-rate';
    return undefined;
  }

  private trip(reason: TripReason, nowMs: number): void {
    this.trippedAt ??= { reason, atMs: nowMs };
  }

  private prune(nowMs: number): void {
    const oldestMs = nowMs - this.policy.windowMs;
    const firstKept = this.samples.findIndex((s) => s.atMs > oldestMs);
    if (firstKept !== 0) this.samples = firstKept === -1 ? [] : this.samples.slice(firstKept);
    if (this.samples.length > this.policy.maxSamples)
      this.samples = this.samples.slice(-this.policy.maxSamples);
  }
}

function dateOf(ms: number | undefined): Date | undefined {
  return ms === undefined ? undefined : new Date(ms);
}
