import type { DeliveryTimer } from './delivery-timer';
import { errorMessageOf, errorMessageWithCauseOf } from './error-message.util';
import { type AttemptOutcome, type RetryPolicy, delayBeforeRetryMs } from './retry-policy.util';

/** What the retry loop needs besides the attempt itself. */
export interface RetryRunOptions {
  policy: RetryPolicy;
  timer: DeliveryTimer;
  random: () => number;
  /** Aborting stops the loop (shutdown); the run ends `permanent` with the attempts made so far. */
  signal?: AbortSignal;
  /** Called after every attempt, e.g. for metrics. */
  onAttempt?: (outcome: AttemptOutcome) => void;
}

export interface RetryRun {
  outcome: AttemptOutcome;
  attempts: number;
}

/**
 * Runs `attempt` until it is delivered, fails permanently, or the policy's attempts or total time
 * run out. Each attempt gets a signal that aborts on the caller's signal or after requestTimeoutMs;
 * an attempt that throws counts as a retryable network failure, unless the error says
 * `retryable: false` (e.g. an unreadable secret file).
 */
export async function runWithRetries(
  attempt: (signal: AbortSignal) => Promise<AttemptOutcome>,
  options: RetryRunOptions,
): Promise<RetryRun> {
  const { policy, timer, signal } = options;
  const startedAt = timer.now();
  let attempts = 0;
  for (;;) {
    if (signal?.aborted) return { outcome: abortedOutcome(attempts), attempts };
    attempts += 1;
    const outcome = await attemptOnce(attempt, policy, signal);
    options.onAttempt?.(outcome);
    if (outcome.kind !== 'retryable') return { outcome, attempts };
    if (signal?.aborted) return { outcome: abortedOutcome(attempts, outcome), attempts };
    if (attempts >= policy.maxAttempts) {
      return { outcome: gaveUp(outcome, `${attempts} attempts made`), attempts };
    }
    const delay = delayBeforeRetryMs(outcome, attempts + 1, policy, options.random);
    const elapsed = timer.now() - startedAt;
    if (elapsed + delay > policy.maxTotalMs) {
      return {
        outcome: gaveUp(outcome, `next attempt in ${delay} ms would pass the ${policy.maxTotalMs} ms budget`),
        attempts,
      };
    }
    await timer.sleep(delay, signal);
  }
}

async function attemptOnce(
  attempt: (signal: AbortSignal) => Promise<AttemptOutcome>,
  policy: RetryPolicy,
  signal: AbortSignal | undefined,
): Promise<AttemptOutcome> {
  // One controller per attempt, unlinked afterwards: AbortSignal.any() with a long-lived shutdown
  // signal keeps every dependent signal alive on Node 20 (nodejs/node#55351).
  const controller = new AbortController();
  let timedOut = false;
  const timeout = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error(`timed out after ${policy.requestTimeoutMs} ms`));
  }, policy.requestTimeoutMs);
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await attempt(controller.signal);
  } catch (error) {
    if ((error as { retryable?: unknown } | null)?.retryable === false) {
      return { kind: 'permanent', error: errorMessageOf(error) };
    }
    if (timedOut) return { kind: 'retryable', error: `timed out after ${policy.requestTimeoutMs} ms` };
    return { kind: 'retryable', error: errorMessageWithCauseOf(error) };
  } finally {
    clearTimeout(timeout);
    signal?.removeEventListener('abort', onAbort);
  }
}

function gaveUp(outcome: Extract<AttemptOutcome, { kind: 'retryable' }>, why: string): AttemptOutcome {
  return {
    kind: 'permanent',
    ...(outcome.status === undefined ? {} : { status: outcome.status }),
    error: `${outcome.error} (gave up: ${why})`,
  };
}

function abortedOutcome(attempts: number, last?: AttemptOutcome): AttemptOutcome {
  const error = `delivery aborted after ${attempts} attempt(s)${last && 'error' in last ? `; last: ${last.error}` : ''}`;
  return { kind: 'permanent', ...(last?.status === undefined ? {} : { status: last.status }), error };
}
