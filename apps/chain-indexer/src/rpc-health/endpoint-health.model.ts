/** What went wrong with one RPC call, as far as the endpoint's health is concerned. */
export type RpcFailureKind = 'timeout' | 'rate-limited' | 'http-5xx' | 'rpc-error' | 'network';

/** Why an endpoint was taken out of rotation. */
export type TripReason =
  | 'error-rate'
  | 'slow-call'
  | 'consecutive-failures'
  /** The endpoint answered `eth_chainId` with another chain (set by the EVM pool; never recovers). */
  | 'wrong-chain';

export type Clock = () => Date;

export interface EndpointHealthPolicy {
  /** The sliding window the error rate and latency percentiles are taken over. */
  readonly windowMs: number;
  /** Trip when failures / calls in the window passes this… */
  readonly maxErrorRate: number;
  /** …once the window holds at least this many calls. */
  readonly minSamples: number;
  /** Trip on any call slower than this, answered or not. */
  readonly slowCallMs: number;
  /** Trip after this many failures in a row, whatever the sample count. */
  readonly maxConsecutiveFailures: number;
  /** A tripped endpoint is healthy again after this many fast successes in a row. */
  readonly recoverySuccesses: number;
  /** How long after its last call a tripped endpoint is offered a probe call. */
  readonly probeIntervalMs: number;
  /** Oldest samples are dropped past this count, so a busy backfill cannot grow the window unbounded. */
  readonly maxSamples: number;
}

/**
 * RPC errors > 1% or a call > 5 s fail over (DESIGN.md). A 1% rate only means something over enough
 * calls: with at least 100 in the 5-minute window, one failure is never enough (1/100 is not past 1%),
 * so a lone blip never flips the endpoint. Below 100 calls (following the head makes a few calls a
 * block) only 3 failures in a row or a slow call trip it. Recovery: a probe 30 s after the last call,
 * and 3 fast successes in a row bring it back.
 */
export const defaultEndpointHealthPolicy: EndpointHealthPolicy = {
  windowMs: 5 * 60_000,
  maxErrorRate: 0.01,
  minSamples: 100,
  slowCallMs: 5_000,
  maxConsecutiveFailures: 3,
  recoverySuccesses: 3,
  probeIntervalMs: 30_000,
  maxSamples: 10_000,
};

export interface EndpointHealthSnapshot {
  readonly url: string;
  /** Calls in the window, answered or not. */
  readonly calls: number;
  readonly failures: number;
  /** failures / calls in the window; 0 with no calls. */
  readonly errorRate: number;
  /** Nearest-rank percentiles of answered calls' latency in the window; undefined with none. */
  readonly p50LatencyMs: number | undefined;
  readonly p95LatencyMs: number | undefined;
  readonly consecutiveFailures: number;
  /** Successes in a row, counting only those under the slow-call limit. */
  readonly consecutiveSuccesses: number;
  readonly lastFailureKind: RpcFailureKind | undefined;
  readonly lastCallAt: Date | undefined;
  /** Set while the endpoint is out of rotation, until it recovers. */
  readonly tripped: { readonly reason: TripReason; readonly at: Date } | undefined;
  /** The end of a Retry-After the endpoint asked for, if it asked. */
  readonly coolDownUntil: Date | undefined;
}
