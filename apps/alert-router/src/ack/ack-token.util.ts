import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a signed acknowledgement link stands for. */
export interface AckClaim {
  readonly groupKey: string;
  readonly receiver: string;
  readonly expiresAt: Date;
}

/**
 * A URL-safe token for `claim`: base64url JSON, a dot, and its HMAC-SHA256 under `secret`. Put in
 * Slack and email messages so one click acknowledges the group without an account.
 *
 * @example
 * const token = signAckToken({ groupKey, receiver: 'ops', expiresAt }, secret);
 */
export function signAckToken(claim: AckClaim, secret: string): string {
  const payload = Buffer.from(
    JSON.stringify({ g: claim.groupKey, r: claim.receiver, e: Math.floor(claim.expiresAt.getTime() / 1000) }),
  ).toString('base64url');
  return `${payload}.${macOf(payload, secret)}`;
}

/** Why a token was refused. */
export type AckTokenProblem = 'malformed' | 'bad-signature' | 'expired';

/**
 * The claim of a token signed with `secret` that has not expired at `now`, or the problem with it.
 * The signature is compared in constant time.
 *
 * @example
 * const checked = verifyAckToken(token, secret, new Date()); if (checked.ok) ack(checked.claim.groupKey)
 */
export function verifyAckToken(
  token: string,
  secret: string,
  now: Date,
): { ok: true; claim: AckClaim } | { ok: false; problem: AckTokenProblem } {
  const [payload, mac, ...rest] = token.split('.');
  if (!payload || !mac || rest.length > 0) return { ok: false, problem: 'malformed' };
  const expected = Buffer.from(macOf(payload, secret));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, problem: 'bad-signature' };
  }
  const parsed = parseClaim(payload);
  if (!parsed) return { ok: false, problem: 'malformed' };
  if (parsed.expiresAt.getTime() <= now.getTime()) return { ok: false, problem: 'expired' };
  return { ok: true, claim: parsed };
}

function parseClaim(payload: string): AckClaim | undefined {
  try {
    const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const { g, r, e } = data;
    if (typeof g !== 'string' || typeof r !== 'string' || typeof e !== 'number') return undefined;
    return { groupKey: g, receiver: r, expiresAt: new Date(e * 1000) };
  } catch {
    return undefined;
  }
}

function macOf(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}
