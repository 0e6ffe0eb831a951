import type { Role } from '../../routes/route.model';

/** Who is calling: an anonymous client, a signed-in wallet, or an API key. */
export type Principal =
  | { kind: 'anonymous'; role: 'public'; ip: string }
  | { kind: 'wallet'; role: Role; ip: string; wallet: string; sessionId: string }
  | { kind: 'api-key'; role: Role; ip: string; keyId: string; prefix: string; scopes: readonly string[] };

/** The principal of a verified access token (built the same way by the guard and the fast path). */
export function walletPrincipal(claims: { sub: string; role: Role; sid: string }, ip: string): Principal {
  return { kind: 'wallet', role: claims.role, ip, wallet: claims.sub, sessionId: claims.sid };
}

/** The principal of an authenticated API key. */
export function keyPrincipal(
  key: { id: string; role: Role; prefix: string; scopes: readonly string[] },
  ip: string,
): Principal {
  return { kind: 'api-key', role: key.role, ip, keyId: key.id, prefix: key.prefix, scopes: key.scopes };
}

/** The request property the access guard stores the principal under. */
export const PRINCIPAL = Symbol('principal');

/** The rate-limit identity of a caller: its key, its wallet, or its IP. */
export function rateIdentityOf(principal: Principal): string {
  switch (principal.kind) {
    case 'anonymous':
      return `ip:${principal.ip}`;
    case 'wallet':
      return `wallet:${principal.wallet}`;
    case 'api-key':
      return `key:${principal.keyId}`;
  }
}

/** The auth-log subject of a caller, when it has one. */
export function subjectOf(principal: Principal): string | null {
  switch (principal.kind) {
    case 'anonymous':
      return null;
    case 'wallet':
      return principal.wallet;
    case 'api-key':
      return `key:${principal.prefix}`;
  }
}
