import { EngineRequestError } from '../http/engine-request.error';

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
