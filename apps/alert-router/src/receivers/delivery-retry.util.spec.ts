import { getEventListeners } from 'node:events';
import { runWithRetries } from './delivery-retry.util';
import type { AttemptOutcome, RetryPolicy } from './retry-policy.util';
import { SecretFileError } from './secret-file.util';
import { RecordingTimer } from './testing/recording-timer';

const policy: RetryPolicy = {
  maxAttempts: 4,
  initialBackoffMs: 100,
  maxBackoffMs: 1_000,
  maxTotalMs: 10_000,
  requestTimeoutMs: 5_000,
};
const serverError: AttemptOutcome = { kind: 'retryable', status: 500, error: 'HTTP 500' };

/** An attempt function answering the scripted outcomes in order, recording how often it ran. */
function scripted(...outcomes: AttemptOutcome[]) {
  const calls: AbortSignal[] = [];
  const attempt = (signal: AbortSignal) => {
    calls.push(signal);
    return Promise.resolve(outcomes[Math.min(calls.length, outcomes.length) - 1]!);
  };
  return { attempt, calls };
}

describe(runWithRetries.name, () => {
  let timer: RecordingTimer;
  const run = (
    attempt: (signal: AbortSignal) => Promise<AttemptOutcome>,
    overrides: Partial<RetryPolicy> = {},
  ) => runWithRetries(attempt, { policy: { ...policy, ...overrides }, timer, random: () => 1 });

  beforeEach(() => {
    timer = new RecordingTimer();
  });

  it('retries a server error with exponential backoff until it is delivered', async () => {
    const { attempt } = scripted(serverError, serverError, { kind: 'delivered', status: 200 });
    await expect(run(attempt)).resolves.toEqual({ outcome: { kind: 'delivered', status: 200 }, attempts: 3 });
    expect(timer.sleeps).toEqual([100, 200]);
  });

  it('does not retry a permanent failure', async () => {
    const { attempt, calls } = scripted({ kind: 'permanent', status: 400, error: 'HTTP 400' });
    await expect(run(attempt)).resolves.toMatchObject({
      outcome: { kind: 'permanent', status: 400 },
      attempts: 1,
    });
    expect(calls).toHaveLength(1);
    expect(timer.sleeps).toEqual([]);
  });

  it('waits exactly the Retry-After the server asked for', async () => {
    const { attempt } = scripted(
      { kind: 'retryable', status: 429, error: 'HTTP 429', retryAfterMs: 3_000 },
      { kind: 'delivered', status: 200 },
    );
    await expect(run(attempt)).resolves.toMatchObject({ outcome: { kind: 'delivered' }, attempts: 2 });
    expect(timer.sleeps).toEqual([3_000]);
  });

  it('gives up after maxAttempts, reporting the last error', async () => {
    const { attempt, calls } = scripted(serverError);
    const result = await run(attempt);
    expect(calls).toHaveLength(4);
    expect(result.attempts).toBe(4);
    expect(result.outcome).toEqual({
      kind: 'permanent',
      status: 500,
      error: 'HTTP 500 (gave up: 4 attempts made)',
    });
  });

  it('gives up rather than wait past the total time budget', async () => {
    const { attempt, calls } = scripted({
      kind: 'retryable',
      status: 429,
      error: 'HTTP 429',
      retryAfterMs: 60_000,
    });
    const result = await run(attempt);
    expect(calls).toHaveLength(1);
    expect(timer.sleeps).toEqual([]);
    expect(result.outcome).toMatchObject({ kind: 'permanent', status: 429 });
    expect((result.outcome as { error: string }).error).toContain('would pass the 10000 ms budget');
  });

  it('counts time spent in slow attempts against the budget', async () => {
    const attempt = () => {
      timer.advance(4_000);
      return Promise.resolve(serverError);
    };
    const result = await run(attempt);
    // 4 s + 100 ms wait + 4 s = 8.1 s; a third attempt would start at 8.3 s and end past 10 s is
    // allowed, but the wait before a fourth (12.3 s + 400 ms) is not.
    expect(result.attempts).toBe(3);
    expect(timer.sleeps).toEqual([100, 200]);
  });

  it('counts a thrown network error as retryable, naming its cause', async () => {
    let calls = 0;
    const attempt = () => {
      calls += 1;
      if (calls === 1) {
        return Promise.reject(
          new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') }),
        );
      }
      return Promise.resolve<AttemptOutcome>({ kind: 'delivered', status: 200 });
    };
    const onAttempt = jest.fn();
    const result = await runWithRetries(attempt, { policy, timer, random: () => 1, onAttempt });
    expect(result).toEqual({ outcome: { kind: 'delivered', status: 200 }, attempts: 2 });
    expect(onAttempt.mock.calls[0][0]).toEqual({
      kind: 'retryable',
      error: 'fetch failed: connect ECONNREFUSED 127.0.0.1:9',
    });
  });

  it('does not retry an error that says it is not retryable', async () => {
    const attempt = () => Promise.reject(new SecretFileError('api_url_file', '/nope', new Error('ENOENT')));
    const result = await run(attempt);
    expect(result.attempts).toBe(1);
    expect(result.outcome).toEqual({ kind: 'permanent', error: 'cannot read api_url_file /nope: ENOENT' });
  });

  it('times an attempt out and retries it', async () => {
    let calls = 0;
    const attempt = (signal: AbortSignal) => {
      calls += 1;
      if (calls > 1) return Promise.resolve<AttemptOutcome>({ kind: 'delivered', status: 200 });
      return new Promise<AttemptOutcome>((_resolve, reject) =>
        signal.addEventListener('abort', () => reject(signal.reason as Error)),
      );
    };
    const onAttempt = jest.fn();
    const result = await runWithRetries(attempt, {
      policy: { ...policy, requestTimeoutMs: 20 },
      timer,
      random: () => 1,
      onAttempt,
    });
    expect(result.attempts).toBe(2);
    expect(onAttempt.mock.calls[0][0]).toEqual({ kind: 'retryable', error: 'timed out after 20 ms' });
  });

  it('stops retrying once the caller aborts', async () => {
    const controller = new AbortController();
    let calls = 0;
    const attempt = () => {
      calls += 1;
      controller.abort();
      return Promise.resolve(serverError);
    };
    const result = await runWithRetries(attempt, {
      policy,
      timer,
      random: () => 1,
      signal: controller.signal,
    });
    expect(calls).toBe(1);
    expect(result.outcome).toMatchObject({ kind: 'permanent', status: 500 });
    expect((result.outcome as { error: string }).error).toMatch(/^delivery aborted after 1 attempt/);
  });

  it('leaves no listener on the caller`s long-lived signal', async () => {
    const shutdown = new AbortController();
    const { attempt } = scripted(serverError, serverError, { kind: 'delivered', status: 200 });
    await runWithRetries(attempt, { policy, timer, random: () => 1, signal: shutdown.signal });
    expect(getEventListeners(shutdown.signal, 'abort')).toHaveLength(0);
  });

  it('aborts the attempt in flight when the caller aborts', async () => {
    const shutdown = new AbortController();
    const attempt = (signal: AbortSignal) => {
      shutdown.abort();
      return Promise.resolve<AttemptOutcome>(
        signal.aborted ? { kind: 'retryable', error: 'aborted' } : { kind: 'delivered' },
      );
    };
    const result = await runWithRetries(attempt, { policy, timer, random: () => 1, signal: shutdown.signal });
    expect(result.outcome).toMatchObject({
      kind: 'permanent',
      error: expect.stringMatching(/^delivery aborted/),
    });
  });

  it('counts a thrown non-error as a retryable failure', async () => {
    let calls = 0;
    const attempt = () => {
      calls += 1;
      return calls === 1 ? Promise.reject(null) : Promise.resolve<AttemptOutcome>({ kind: 'delivered' });
    };
    await expect(run(attempt)).resolves.toEqual({ outcome: { kind: 'delivered' }, attempts: 2 });
  });

  it('makes no attempt when already aborted', async () => {
    const { attempt, calls } = scripted(serverError);
    const result = await runWithRetries(attempt, {
      policy,
      timer,
      random: () => 1,
      signal: AbortSignal.abort(),
    });
    expect(calls).toHaveLength(0);
    expect(result).toEqual({
      outcome: { kind: 'permanent', error: 'delivery aborted after 0 attempt(s)' },
      attempts: 0,
    });
  });
});
