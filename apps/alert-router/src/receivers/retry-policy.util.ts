/**
 * When a failed delivery attempt is tried again and after how long. Pure: the delivery loop
 * (delivery-retry.util.ts) applies it with an injected timer.
 */

/** Bounds of the retry loop for one integration of one notification. */
export interface RetryPolicy {
  /** Attempts including the first (≥ 1). */
  maxAttempts: number;
  /** Backoff before the 2nd attempt; doubles each time up to maxBackoffMs. */
  initialBackoffMs: number;
  maxBackoffMs: number;
  /** No attempt starts after this long since the first one; a Retry-After beyond it gives up. */
  maxTotalMs: number;
  /** One HTTP request or SMTP session may take this long before it counts as a network failure. */
  requestTimeoutMs: number;
}

/** Defaults: 5 attempts over at most a minute, well inside Alertmanager's 5 m group_interval. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  initialBackoffMs: 1_000,
  maxBackoffMs: 30_000,
  maxTotalMs: 60_000,
  requestTimeoutMs: 10_000,
};

/** What one attempt came to. `retryable` failures are tried again within the policy's bounds. */
export type AttemptOutcome =
  | { kind: 'delivered'; status?: number }
  | { kind: 'retryable'; status?: number; error: string; retryAfterMs?: number }
  | { kind: 'permanent'; status?: number; error: string };

/**
 * The outcome of an HTTP response: 2xx delivered; 429 and 5xx retryable (honouring Retry-After);
 * any other status permanent, since sending the same request again cannot succeed.
 *
 * @example
 * outcomeOfHttpStatus(429, '3', 'rate_limited', now) // { kind: 'retryable', status: 429, retryAfterMs: 3000, ... }
 */
export function outcomeOfHttpStatus(
  status: number,
  retryAfter: string | null,
  body: string,
  nowMs: number,
): AttemptOutcome {
  if (status >= 200 && status < 300) return { kind: 'delivered', status };
  const error = `HTTP ${status}${body ? `: ${body.slice(0, 300)}` : ''}`;
  if (status === 429 || status >= 500) {
    const retryAfterMs = retryAfter === null ? undefined : parseRetryAfterMs(retryAfter, nowMs);
    return { kind: 'retryable', status, error, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  }
  return { kind: 'permanent', status, error };
}

/**
 * The outcome of an SMTP reply code (RFC 5321 §4.2.1): 4yz is a transient failure worth retrying,
 * 5yz a permanent one.
 */
export function outcomeOfSmtpReply(code: number, error: string): AttemptOutcome {
  return code >= 400 && code < 500
    ? { kind: 'retryable', status: code, error }
    : { kind: 'permanent', status: code, error };
}

/** Retry-After (RFC 9110 §10.2.3) as milliseconds from now: delay-seconds or an HTTP-date. */
export function parseRetryAfterMs(value: string, nowMs: number): number | undefined {
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1_000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date) || !/[a-z]/i.test(trimmed)) return undefined;
  return Math.max(0, date - nowMs);
}

/**
 * Backoff before attempt `nextAttempt` (2 for the first retry): exponential, capped, with "equal
 * jitter" (half fixed, half random) so receivers failing together do not retry in lockstep.
 */
export function backoffMs(nextAttempt: number, policy: RetryPolicy, random: () => number): number {
  const exponential = policy.initialBackoffMs * 2 ** Math.max(0, nextAttempt - 2);
  const capped = Math.min(policy.maxBackoffMs, exponential);
  return Math.round(capped / 2 + (random() * capped) / 2);
}

/** How long to wait before the next attempt after `outcome`: the server's Retry-After, else backoff. */
export function delayBeforeRetryMs(
  outcome: Extract<AttemptOutcome, { kind: 'retryable' }>,
  nextAttempt: number,
  policy: RetryPolicy,
  random: () => number,
): number {
  return outcome.retryAfterMs ?? backoffMs(nextAttempt, policy, random);
}
