import { base58ByteLength } from '@convergence/schemas';

/**
 * Whether a string is a Solana public key: base58 that decodes to exactly 32 bytes (decoded without
 * @solana/web3.js, which config validation must not load). Base58 is case-sensitive: the address is
 * kept as written.
 *
 * @example
 * isSolanaAddress('11111111111111111111111111111111') // true (the system program)
 * isSolanaAddress('0xabc…') // false
 */
export function isSolanaAddress(text: string): boolean {
  return text.length >= 32 && text.length <= 44 && base58ByteLength(text) === 32;
}
