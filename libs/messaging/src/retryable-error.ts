/** Errors a handler throws to say plainly whether trying again can help. */
export class RetryableError extends Error {
  override readonly name = 'RetryableError';
  readonly retryable = true;
}

export class NonRetryableError extends Error {
  override readonly name = 'NonRetryableError';
  readonly retryable = false;
}

// Node socket errors and PostgreSQL SQLSTATEs that pass with time (connection, lock, serialization).
const RETRYABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  '40001',
  '40P01',
  '55P03',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

/**
 * Whether an error may succeed on retry: an explicit `retryable` flag wins; then network codes,
 * PostgreSQL connection-class (08xxx) and concurrency SQLSTATEs, HTTP 429/5xx statuses and kafkajs'
 * own `retriable` flag. Anything else (validation, schema, programming errors) is not.
 *
 * @example
 * isRetryableError(Object.assign(new Error('x'), { code: '40001' })) // true
 */
export function isRetryableError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as {
    retryable?: unknown;
    retriable?: unknown;
    code?: unknown;
    status?: unknown;
    cause?: unknown;
  };
  if (typeof e.retryable === 'boolean') return e.retryable;
  if (e.retriable === true) return true;
  if (typeof e.code === 'string' && (RETRYABLE_CODES.has(e.code) || e.code.startsWith('08'))) return true;
  if (typeof e.status === 'number' && (e.status === 429 || e.status >= 500)) return true;
  if (
    error instanceof Error &&
    /Connection terminated|timeout exceeded when trying to connect/i.test(error.message)
  ) {
    return true;
  }
  return e.cause !== undefined && e.cause !== error ? isRetryableError(e.cause) : false;
}

/**
 * Exponential backoff with full jitter, capped: attempt 1 → up to baseMs, attempt n → up to
 * min(maxMs, baseMs·2^(n-1)).
 *
 * @example
 * backoffDelayMs(3, { baseMs: 100, maxMs: 5_000 }, () => 1) // 400
 */
export function backoffDelayMs(
  attempt: number,
  { baseMs, maxMs }: { baseMs: number; maxMs: number },
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling * random());
}
