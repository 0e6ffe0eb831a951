import type { AttemptOutcome } from './retry-policy.util';
import { outcomeOfHttpStatus } from './retry-policy.util';

/** Sent with every HTTP notification, so receivers' logs show where a request came from. */
export const RECEIVER_USER_AGENT = 'convergence-alert-router';

/**
 * POSTs `body` as JSON and classifies the response (retry-policy.util.ts). Network failures throw;
 * the retry loop counts them as retryable.
 */
export async function postJson(
  url: string,
  body: unknown,
  signal: AbortSignal,
  nowMs: () => number = Date.now,
): Promise<AttemptOutcome & { responseBody: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': RECEIVER_USER_AGENT },
    body: JSON.stringify(body),
    signal,
  });
  const responseBody = await response.text();
  const outcome = outcomeOfHttpStatus(
    response.status,
    response.headers.get('retry-after'),
    responseBody,
    nowMs(),
  );
  return { ...outcome, responseBody };
}
