import { parseSiweMessage } from 'viem/siwe';
import type { AuthErrorCode } from '../access/auth.exception';

/** The fields of an EIP-4361 message the gateway relies on, once present and checked. */
export interface CheckedSiweMessage {
  address: `0x${string}`;
  domain: string;
  nonce: string;
  chainId: number;
  expirationTime?: Date;
}

export type SiweCheck =
  | { ok: true; message: CheckedSiweMessage }
  | { ok: false; code: AuthErrorCode; detail: string };

/**
 * Parses a sign-in message and checks what needs no signature or database: it is EIP-4361, names
 * our domain, and is inside its validity window at `now`. Pure, so every rule is unit-tested.
 */
export function checkSiweMessage(text: string, expectedDomain: string, now: Date): SiweCheck {
  const parsed = parseSiweMessage(text);
  const { address, domain, nonce, chainId, version, uri } = parsed;
  if (!address || !domain || !nonce || !chainId || version !== '1' || !uri) {
    return {
      ok: false,
      code: 'malformed-message',
      detail: 'not an EIP-4361 message (address, domain, uri, version 1, chain id and nonce are required)',
    };
  }
  if (domain !== expectedDomain) {
    return { ok: false, code: 'wrong-domain', detail: `the message is for ${domain}, not ${expectedDomain}` };
  }
  if (parsed.expirationTime && parsed.expirationTime.getTime() <= now.getTime()) {
    return {
      ok: false,
      code: 'message-expired',
      detail: `the message expired at ${parsed.expirationTime.toISOString()}`,
    };
  }
  if (parsed.notBefore && parsed.notBefore.getTime() > now.getTime()) {
    return {
      ok: false,
      code: 'message-not-yet-valid',
      detail: `the message is valid from ${parsed.notBefore.toISOString()}`,
    };
  }
  return {
    ok: true,
    message: {
      address,
      domain,
      nonce,
      chainId,
      ...(parsed.expirationTime ? { expirationTime: parsed.expirationTime } : {}),
    },
  };
}
