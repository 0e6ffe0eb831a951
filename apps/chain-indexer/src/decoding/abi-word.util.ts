import type { JsonValue } from '@convergence/schemas';
import { checksummedAddressOf } from './checksum-address.util';

/**
 * Decodes one 32-byte ABI word — 64 lower-case hex digits without `0x` — to the JSON-safe value
 * viem's `decodeAbiParameters` followed by `jsonSafeOf` gives; undefined when viem would refuse the
 * word (a bool other than 0 or 1), so the caller can let viem say why.
 */
export type WordDecoder = (word: string) => JsonValue | undefined;

const ZEROS = '0'.repeat(64);
// Values below 2^52 fit a double exactly: parseInt of the last 13 hex digits is the integer itself.
const SMALL_PREFIX = ZEROS.slice(0, 51);

/**
 * The word decoder of a static elementary ABI type (address, bool, uint<N>, int<N>, bytes<N>), or
 * undefined for any other type (dynamic, arrays, tuples), which go through viem.
 *
 * @example
 * wordDecoderOf('uint256')!('00…0a') // '10'
 * wordDecoderOf('uint8')!('00…0a')   // 10 (viem decodes integers of 48 bits or less as numbers)
 */
export function wordDecoderOf(type: string): WordDecoder | undefined {
  if (type === 'address') return addressOf;
  if (type === 'bool') return boolOf;
  const integer = /^(u?)int(\d*)$/.exec(type);
  if (integer) {
    const bits = integer[2] ? Number(integer[2]) : 256;
    if (bits < 8 || bits > 256 || bits % 8 !== 0) return undefined;
    const signed = integer[1] === '';
    // viem: integers up to 48 bits are numbers, wider ones bigints (decimal strings once JSON-safe).
    if (signed) return bits > 48 ? signedStringOf : signedNumberOf;
    return bits > 48 ? unsignedStringOf : unsignedNumberOf;
  }
  const fixedBytes = /^bytes(\d+)$/.exec(type);
  if (fixedBytes) {
    const size = Number(fixedBytes[1]);
    if (size < 1 || size > 32) return undefined;
    return (word) => `0x${word.slice(0, size * 2)}`;
  }
  return undefined;
}

// viem keeps the low 20 bytes, whatever the high 12 hold, and checksums them.
function addressOf(word: string): JsonValue {
  return checksummedAddressOf(`0x${word.slice(24)}`);
}

function boolOf(word: string): JsonValue | undefined {
  if (!word.startsWith(ZEROS.slice(0, 63))) return undefined;
  const last = word[63];
  return last === '0' ? false : last === '1' ? true : undefined;
}

function unsignedStringOf(word: string): JsonValue {
  if (word.startsWith(SMALL_PREFIX)) return String(parseInt(word.slice(51), 16));
  return BigInt(`0x${word}`).toString();
}

function unsignedNumberOf(word: string): JsonValue {
  if (word.startsWith(SMALL_PREFIX)) return parseInt(word.slice(51), 16);
  // High bits set in a narrow uint: viem still returns Number(the whole word), rounding included.
  return Number(BigInt(`0x${word}`));
}

// viem reads the whole word as two's complement: exactly BigInt.asIntN(256, word).
function signedStringOf(word: string): JsonValue {
  if (word.startsWith(SMALL_PREFIX)) return String(parseInt(word.slice(51), 16));
  return BigInt.asIntN(256, BigInt(`0x${word}`)).toString();
}

function signedNumberOf(word: string): JsonValue {
  if (word.startsWith(SMALL_PREFIX)) return parseInt(word.slice(51), 16);
  return Number(BigInt.asIntN(256, BigInt(`0x${word}`)));
}
