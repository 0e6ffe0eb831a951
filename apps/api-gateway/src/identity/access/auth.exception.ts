import { HttpException, HttpStatus } from '@nestjs/common';

/** Why a caller was not let in. Each code maps to one HTTP status in `statusOfAuthError`. */
export type AuthErrorCode =
  | 'missing-credentials'
  | 'malformed-message'
  | 'wrong-domain'
  | 'message-expired'
  | 'message-not-yet-valid'
  | 'bad-signature'
  | 'unknown-nonce'
  | 'nonce-replayed'
  | 'nonce-expired'
  | 'invalid-token'
  | 'refresh-reused'
  | 'refresh-revoked'
  | 'refresh-expired'
  | 'unknown-key'
  | 'revoked-key'
  | 'role-too-low'
  | 'scope-missing'
  | 'not-own-wallet';

/** Sign-in, token, key and permission failures, as RFC 9457 problems with a machine-readable `code`. */
export class AuthException extends HttpException {
  constructor(
    readonly code: AuthErrorCode,
    detail: string,
  ) {
    const status = statusOfAuthError(code);
    super({ type: `urn:convergence:auth:${code}`, title: titleOf(status), detail }, status);
  }
}

/** 401 when the caller's identity is missing or not proven, 403 when it is proven but not enough. */
export function statusOfAuthError(code: AuthErrorCode): number {
  switch (code) {
    case 'role-too-low':
    case 'scope-missing':
    case 'not-own-wallet':
      return HttpStatus.FORBIDDEN;
    case 'malformed-message':
      return HttpStatus.BAD_REQUEST;
    case 'missing-credentials':
    case 'wrong-domain':
    case 'message-expired':
    case 'message-not-yet-valid':
    case 'bad-signature':
    case 'unknown-nonce':
    case 'nonce-replayed':
    case 'nonce-expired':
    case 'invalid-token':
    case 'refresh-reused':
    case 'refresh-revoked':
    case 'refresh-expired':
    case 'unknown-key':
    case 'revoked-key':
      return HttpStatus.UNAUTHORIZED;
  }
}

function titleOf(status: number): string {
  return status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : 'bad request';
}
