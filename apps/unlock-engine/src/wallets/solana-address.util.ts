const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/**
 * Whether a string is a Solana public key: base58 that decodes to exactly 32 bytes. Checked by hand
 * so config validation (read by instrument.ts, before OpenTelemetry patches `http`) need not load
 * @solana/web3.js. Base58 is case-sensitive: the address is kept as written.
 *
 * @example
 * isSolanaAddress('11111111111111111111111111111111') // true (the system program)
 * isSolanaAddress('0xabc…') // false
 */
export function isSolanaAddress(text: string): boolean {
  if (text.length < 32 || text.length > 44) return false;
  let value = 0n;
  for (const char of text) {
    const digit = ALPHABET.indexOf(char);
    if (digit === -1) return false;
    value = value * 58n + BigInt(digit);
  }
  const leadingZeros = text.length - text.replace(/^1+/, '').length;
  const bodyBytes = value === 0n ? 0 : Math.ceil(value.toString(16).length / 2);
  return leadingZeros + bodyBytes === 32;
}
