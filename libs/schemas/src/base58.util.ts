const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/**
 * How many bytes a base58 string decodes to, or undefined when it is not base58: tells a Solana public
 * key (32) from a signature (64). Config validation of the chain-indexer and unlock-engine uses it
 * without loading @solana/web3.js, which must not load before OpenTelemetry patches `http` (config
 * is read by instrument.ts).
 *
 * @example
 * base58ByteLength('11111111111111111111111111111111') // 32
 */
export function base58ByteLength(text: string): number | undefined {
  if (text.length === 0) return undefined;
  let value = 0n;
  for (const char of text) {
    const digit = ALPHABET.indexOf(char);
    if (digit === -1) return undefined;
    value = value * 58n + BigInt(digit);
  }
  const leadingZeros = text.length - text.replace(/^1+/, '').length;
  const bodyBytes = value === 0n ? 0 : Math.ceil(value.toString(16).length / 2);
  return leadingZeros + bodyBytes;
}
