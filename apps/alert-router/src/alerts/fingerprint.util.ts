import type { Fingerprint, Labels } from './alert.model';
import { labelNamesOf, labelValueOf } from './label-set.util';

// Prometheus separates names and values with 0xff, a byte that never occurs in UTF-8.
const SEPARATOR_BYTE = 0xff;
// The FNV-1a 64 offset basis 0xcbf29ce484222325, as four 16-bit limbs (least significant first).
const OFFSET_LIMBS = [0x2325, 0x8422, 0x9ce4, 0xcbf2] as const;
// The 64-bit FNV prime is 2^40 + 0x1b3.
const PRIME_LOW = 0x1b3;

const utf8 = new TextEncoder();
// Labels are immutable (`Readonly`), so a label set's fingerprint can be remembered with the object:
// the hot paths (ingest, flush, mute, audit) ask for the same alerts' fingerprints many times.
const remembered = new WeakMap<Labels, Fingerprint>();

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
  const known = remembered.get(labels);
  if (known !== undefined) return known;
  const hash = new Fnv1a64();
  for (const name of labelNamesOf(labels)) {
    hash.addString(name);
    hash.add(SEPARATOR_BYTE);
    hash.addString(labelValueOf(labels, name));
    hash.add(SEPARATOR_BYTE);
  }
  const fingerprint = hash.hex();
  remembered.set(labels, fingerprint);
  return fingerprint;
}

/**
 * A copy of the label set that keeps its remembered fingerprint (same names and values, same
 * fingerprint): stored alerts are copies of the posted ones, and the flush path asks for their
 * fingerprints again.
 *
 * @example
 * const labels = copyLabels(posted.labels); // fingerprintOf(labels) is not computed again
 */
export function copyLabels(labels: Labels): Labels {
  const copy = { ...labels };
  const known = remembered.get(labels);
  if (known !== undefined) remembered.set(copy, known);
  return copy;
}

/**
 * FNV-1a 64 in four 16-bit limbs: every product stays below 2^53, so plain number arithmetic is
 * exact without BigInt (which is several times slower here).
 */
class Fnv1a64 {
  private h0: number = OFFSET_LIMBS[0];
  private h1: number = OFFSET_LIMBS[1];
  private h2: number = OFFSET_LIMBS[2];
  private h3: number = OFFSET_LIMBS[3];

  add(byte: number): void {
    const h0 = this.h0 ^ byte;
    // (h3:h2:h1:h0) * (2^40 + 0x1b3) mod 2^64: the 2^40 part shifts h0, h1 up by two limbs and 8 bits.
    const t0 = h0 * PRIME_LOW;
    const t1 = this.h1 * PRIME_LOW + (t0 >>> 16);
    const t2 = this.h2 * PRIME_LOW + (h0 << 8) + (t1 >>> 16);
    this.h3 = (this.h3 * PRIME_LOW + (this.h1 << 8) + (t2 >>> 16)) & 0xffff;
    this.h2 = t2 & 0xffff;
    this.h1 = t1 & 0xffff;
    this.h0 = t0 & 0xffff;
  }

  addString(text: string): void {
    // ASCII (nearly every label) is its own UTF-8; only other text goes through the encoder.
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0x80) {
        for (const byte of utf8.encode(text.slice(i))) this.add(byte);
        return;
      }
      this.add(code);
    }
  }

  hex(): string {
    return [this.h3, this.h2, this.h1, this.h0].map((limb) => limb.toString(16).padStart(4, '0')).join('');
  }
}
