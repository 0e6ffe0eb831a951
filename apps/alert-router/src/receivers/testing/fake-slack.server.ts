import {
  type LoopbackServer,
  type RecordedRequest,
  scriptedReplies,
  startLoopbackServer,
} from './loopback-http.server';

/** What the fake answers next: Slack's `ok`, a 429 with Retry-After seconds, or an error text. */
export type SlackReply = 'ok' | { rateLimitedFor: number } | { status: number; error: string };

/**
 * A Slack incoming webhook on loopback speaking Slack's wire format (api.slack.com/messaging/webhooks):
 * it checks the JSON like Slack does (`invalid_payload`, `no_text`, header over 150 characters →
 * `invalid_blocks`) and otherwise answers the scripted replies (default: always `ok`).
 */
export async function startFakeSlack(script: readonly SlackReply[] = ['ok']): Promise<LoopbackServer> {
  const next = scriptedReplies(script);
  return startLoopbackServer((request: RecordedRequest) => {
    const problem = payloadProblemOf(request.body);
    if (problem) return { status: 400, body: problem };
    const reply = next();
    if (reply === 'ok') return { status: 200, body: 'ok' };
    if ('rateLimitedFor' in reply) {
      return { status: 429, headers: { 'retry-after': String(reply.rateLimitedFor) }, body: 'rate_limited' };
    }
    return { status: reply.status, body: reply.error };
  });
}

function payloadProblemOf(body: string): string | undefined {
  let payload: { text?: unknown; blocks?: { type: string; text?: { text?: string } }[] };
  try {
    payload = JSON.parse(body) as typeof payload;
  } catch {
    return 'invalid_payload';
  }
  if (typeof payload.text !== 'string' && !Array.isArray(payload.blocks)) return 'no_text';
  const blocks = payload.blocks ?? [];
  if (blocks.length > 50) return 'invalid_blocks';
  const header = blocks.find((block) => block.type === 'header');
  if (header && (header.text?.text ?? '').length > 150) return 'invalid_blocks';
  return undefined;
}
