import {
  DEFAULT_RETRY_POLICY,
  backoffMs,
  delayBeforeRetryMs,
  outcomeOfHttpStatus,
  outcomeOfSmtpReply,
  parseRetryAfterMs,
} from './retry-policy.util';

const NOW = Date.parse('2026-01-01T00:00:00Z');

describe('outcomeOfHttpStatus', () => {
  it.each([200, 202, 204])('treats %i as delivered', (status) => {
    expect(outcomeOfHttpStatus(status, null, 'ok', NOW)).toEqual({ kind: 'delivered', status });
  });

  it.each([500, 502, 503, 504])('retries %i', (status) => {
    expect(outcomeOfHttpStatus(status, null, 'rollup_error', NOW)).toEqual({
      kind: 'retryable',
      status,
      error: `HTTP ${status}: rollup_error`,
    });
  });

  it.each([400, 401, 403, 404, 410, 413])('does not retry %i', (status) => {
    expect(outcomeOfHttpStatus(status, '5', 'invalid_payload', NOW)).toMatchObject({
      kind: 'permanent',
      status,
    });
  });

  it('retries 429 after the Retry-After seconds', () => {
    expect(outcomeOfHttpStatus(429, '7', 'rate_limited', NOW)).toMatchObject({
      kind: 'retryable',
      status: 429,
      retryAfterMs: 7_000,
    });
  });

  it('honours Retry-After on a 503 too', () => {
    expect(outcomeOfHttpStatus(503, '2', '', NOW)).toMatchObject({ retryAfterMs: 2_000 });
  });

  it('retries 429 without Retry-After on the backoff schedule', () => {
    expect(outcomeOfHttpStatus(429, null, '', NOW)).not.toHaveProperty('retryAfterMs');
  });
});

describe('parseRetryAfterMs', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfterMs('30', NOW)).toBe(30_000);
    expect(parseRetryAfterMs(' 0 ', NOW)).toBe(0);
  });

  it('reads an HTTP-date relative to now, never negative', () => {
    expect(parseRetryAfterMs('Thu, 01 Jan 2026 00:00:12 GMT', NOW)).toBe(12_000);
    expect(parseRetryAfterMs('Wed, 31 Dec 2025 23:59:00 GMT', NOW)).toBe(0);
  });

  it('ignores what is neither', () => {
    expect(parseRetryAfterMs('soon', NOW)).toBeUndefined();
    expect(parseRetryAfterMs('-5', NOW)).toBeUndefined();
    expect(parseRetryAfterMs('1.5', NOW)).toBeUndefined();
  });
});

describe('backoffMs', () => {
  const policy = { ...DEFAULT_RETRY_POLICY, initialBackoffMs: 1_000, maxBackoffMs: 8_000 };

  it('doubles per attempt up to the cap (no jitter at random = 1)', () => {
    expect([2, 3, 4, 5, 6, 7].map((attempt) => backoffMs(attempt, policy, () => 1))).toEqual([
      1_000, 2_000, 4_000, 8_000, 8_000, 8_000,
    ]);
  });

  it('keeps at least half of the step whatever the jitter', () => {
    expect(backoffMs(4, policy, () => 0)).toBe(2_000);
    expect(backoffMs(4, policy, () => 0.5)).toBe(3_000);
  });

  it('prefers the server Retry-After over the backoff', () => {
    const outcome = { kind: 'retryable' as const, error: 'HTTP 429', retryAfterMs: 15_000 };
    expect(delayBeforeRetryMs(outcome, 2, policy, () => 1)).toBe(15_000);
    expect(delayBeforeRetryMs({ kind: 'retryable', error: 'HTTP 500' }, 2, policy, () => 1)).toBe(1_000);
  });
});

describe('outcomeOfSmtpReply', () => {
  it.each([421, 450, 451, 452])('retries transient reply %i', (code) => {
    expect(outcomeOfSmtpReply(code, 'try later').kind).toBe('retryable');
  });

  it.each([500, 535, 550, 553, 554])('does not retry permanent reply %i', (code) => {
    expect(outcomeOfSmtpReply(code, 'rejected')).toEqual({
      kind: 'permanent',
      status: code,
      error: 'rejected',
    });
  });
});
