import { EngineRequestError } from '../http/engine-request.error';
import { isSolanaAddress } from './solana-address.util';

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/**
 * A wallet address as the service stores it (lowercase), or a 400 naming what was wrong.
 *
 * @example
 * walletAddressOf('0xAbC…') // '0xabc…'
 */
export function walletAddressOf(input: unknown, field = 'address'): string {
  if (typeof input !== 'string' || !ADDRESS.test(input)) {
    throw new EngineRequestError('invalid-address', `${field} must be a 0x-prefixed 20-byte hex address`, [
      { field, message: 'must be a 0x-prefixed 20-byte hex address' },
    ]);
  }
  return input.toLowerCase();
}

/**
 * A wallet an EVM or a Solana address may name, as stored: an EVM address lowercased, a Solana
 * public key (base58, case-sensitive) as written; or a 400 naming what was wrong. Profiles and
 * eligibility answer for both; what is EVM-only (reconciliation, ceremonies) keeps `walletAddressOf`.
 *
 * @example
 * anyWalletAddressOf('0xAbC…') // '0xabc…'
 * anyWalletAddressOf('9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin') // unchanged
 */
export function anyWalletAddressOf(input: unknown, field = 'address'): string {
  if (typeof input === 'string' && isSolanaAddress(input)) return input;
  if (typeof input !== 'string' || !ADDRESS.test(input)) {
    const message = 'must be a 0x-prefixed 20-byte hex address or a base58 Solana public key';
    throw new EngineRequestError('invalid-address', `${field} ${message}`, [{ field, message }]);
  }
  return input.toLowerCase();
}
