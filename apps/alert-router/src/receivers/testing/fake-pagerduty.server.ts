import { randomBytes } from 'node:crypto';
import {
  type LoopbackServer,
  type RecordedRequest,
  scriptedReplies,
  startLoopbackServer,
} from './loopback-http.server';

/** What the fake answers to a valid event: accept it, or fail with a status (429 / 5xx). */
export type PagerDutyReply = 'accept' | { status: number; retryAfter?: number };

const SEVERITIES = ['critical', 'error', 'warning', 'info'];

/**
 * PagerDuty's Events API v2 on loopback (developer.pagerduty.com/docs/events-api-v2/overview): it
 * validates each event as the docs describe and answers 202 `{"status":"success","message":"Event
 * processed","dedup_key":...}` or 400 `{"status":"invalid event","message":"Event object is
 * invalid","errors":[...]}`; valid events get the scripted replies (default: always accept).
 */
export async function startFakePagerDuty(
  script: readonly PagerDutyReply[] = ['accept'],
): Promise<LoopbackServer> {
  const next = scriptedReplies(script);
  return startLoopbackServer((request: RecordedRequest) => {
    let event: Record<string, unknown>;
    try {
      event = JSON.parse(request.body) as Record<string, unknown>;
    } catch {
      return {
        status: 400,
        body: { status: 'invalid event', message: 'Event object is invalid', errors: ['Invalid JSON'] },
      };
    }
    const errors = eventErrorsOf(event);
    if (errors.length > 0) {
      return { status: 400, body: { status: 'invalid event', message: 'Event object is invalid', errors } };
    }
    const reply = next();
    if (reply !== 'accept') {
      return {
        status: reply.status,
        ...(reply.retryAfter === undefined ? {} : { headers: { 'retry-after': String(reply.retryAfter) } }),
        body:
          reply.status === 429
            ? { status: 'throttle event', message: 'Requests for this service are arriving too quickly.' }
            : '',
      };
    }
    const dedupKey =
      typeof event['dedup_key'] === 'string' ? event['dedup_key'] : randomBytes(16).toString('hex');
    return { status: 202, body: { status: 'success', message: 'Event processed', dedup_key: dedupKey } };
  });
}

function eventErrorsOf(event: Record<string, unknown>): string[] {
  const errors: string[] = [];
  const routingKey = event['routing_key'];
  if (typeof routingKey !== 'string' || routingKey.length !== 32) {
    errors.push("'routing_key' must be a 32 character string.");
  }
  const action = event['event_action'];
  if (action !== 'trigger' && action !== 'acknowledge' && action !== 'resolve') {
    errors.push("'event_action' is missing or blank.");
  }
  const dedupKey = event['dedup_key'];
  if (dedupKey !== undefined && (typeof dedupKey !== 'string' || dedupKey.length > 255)) {
    errors.push("'dedup_key' must be a string of at most 255 characters.");
  }
  if (action !== 'trigger' && typeof dedupKey !== 'string')
    errors.push("'dedup_key' is required for this event.");
  if (action === 'trigger') {
    const payload = event['payload'] as Record<string, unknown> | undefined;
    if (typeof payload?.['summary'] !== 'string' || payload['summary'].length === 0) {
      errors.push("'payload.summary' is missing or blank.");
    } else if (payload['summary'].length > 1024) {
      errors.push("'payload.summary' must be at most 1024 characters.");
    }
    if (typeof payload?.['source'] !== 'string' || payload['source'].length === 0) {
      errors.push("'payload.source' is missing or blank.");
    }
    if (!SEVERITIES.includes(payload?.['severity'] as string)) {
      errors.push("'payload.severity' must be one of critical, error, warning, info.");
    }
  }
  return errors;
}
