import { createHash, randomBytes } from 'node:crypto';

/**
 * SHA-256 hex of a secret token. Refresh tokens and API keys carry 192+ random bits, so a fast hash
 * is enough to make a leaked table useless (a slow password hash protects low-entropy secrets).
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A URL-safe random secret with `bytes` bytes of entropy. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
