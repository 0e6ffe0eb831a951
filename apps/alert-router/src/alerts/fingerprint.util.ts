import type { Fingerprint, Labels } from './alert.model';
import { labelNamesOf, labelValueOf } from './label-set.util';

// Prometheus separates names and values with 0xff, a byte that never occurs in UTF-8.
const SEPARATOR_BYTE = 0xff;
const FNV_OFFSET_HIGH = 0xcbf29ce4;
const FNV_OFFSET_LOW = 0x84222325;
const FNV_PRIME_LOW = 0x1b3; // the 64-bit prime is 2^40 + 0x1b3
const TWO_TO_32 = 0x1_0000_0000;

const utf8 = new TextEncoder();

/**
 * The label set's fingerprint exactly as Prometheus' `LabelSet.Fingerprint()` computes it (and so
 * Alertmanager's alert and group identity): FNV-1a 64 over `name 0xff value 0xff` for each label
 * in byte order of the names, as 16 lowercase hex digits.
 *
 * @example
 * fingerprintOf({}) // 'cbf29ce484222325'
 * fingerprintOf({ name: 'garland, briggs', fear: 'love is not enough' }) // '507a62d79ee76c9a'
 */
export function fingerprintOf(labels: Labels): Fingerprint {
  let high = FNV_OFFSET_HIGH;
  let low = FNV_OFFSET_LOW;
  const add = (byte: number): void => {
    low = (low ^ byte) >>> 0;
    // (high:low) * (2^40 + 0x1b3) mod 2^64, in 32-bit halves so every product stays exact.
    const lowProduct = low * FNV_PRIME_LOW;
    const carry = Math.floor(lowProduct / TWO_TO_32);
    high = (high * FNV_PRIME_LOW + carry + ((low << 8) >>> 0)) % TWO_TO_32;
    low = lowProduct % TWO_TO_32;
  };
  const addString = (text: string): void => {
    // ASCII (nearly every label) is its own UTF-8; only other text goes through the encoder.
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0x80) {
        for (const byte of utf8.encode(text.slice(i))) add(byte);
        return;
      }
      add(code);
    }
  };
  for (const name of labelNamesOf(labels)) {
    addString(name);
    add(SEPARATOR_BYTE);
    addString(labelValueOf(labels, name));
    add(SEPARATOR_BYTE);
  }
  return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
}
