import { copyLabels, fingerprintOf } from './fingerprint.util';

// Expected values are prometheus/common model/signature_test.go's, converted from decimal.
const hexOf = (decimal: string): string => BigInt(decimal).toString(16).padStart(16, '0');

describe(fingerprintOf.name, () => {
  it('is the FNV-1a 64 offset basis for the empty label set (14695981039346656037)', () => {
    expect(fingerprintOf({})).toBe(hexOf('14695981039346656037'));
    expect(fingerprintOf({})).toBe('cbf29ce484222325');
  });

  it('matches TestMetricToFingerprint for {name="garland, briggs", fear="love is not enough"}', () => {
    expect(fingerprintOf({ name: 'garland, briggs', fear: 'love is not enough' })).toBe(
      hexOf('5799056148416392346'),
    );
  });

  it('matches the BenchmarkMetricToFingerprint single, double and triple label vectors', () => {
    const first = { 'first-label': 'first-label-value' };
    const second = { ...first, 'second-label': 'second-label-value' };
    const third = { ...second, 'third-label': 'third-label-value' };
    expect(fingerprintOf(first)).toBe(hexOf('5146282821936882169'));
    expect(fingerprintOf(second)).toBe(hexOf('3195800080984914717'));
    expect(fingerprintOf(third)).toBe(hexOf('13843036195897128121'));
  });

  it('does not depend on the order the labels were written in', () => {
    expect(fingerprintOf({ a: '1', b: '2' })).toBe(fingerprintOf({ b: '2', a: '1' }));
  });

  it('separates names from values so moving a character across the boundary changes it', () => {
    expect(fingerprintOf({ ab: 'c' })).not.toBe(fingerprintOf({ a: 'bc' }));
  });

  it('hashes non-ASCII values as UTF-8 bytes', () => {
    const bytes = [...new TextEncoder().encode('k'), 0xff, ...new TextEncoder().encode('é'), 0xff];
    let hash = 0xcbf29ce484222325n;
    for (const byte of bytes) hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
    expect(fingerprintOf({ k: 'é' })).toBe(hash.toString(16).padStart(16, '0'));
  });

  it('matches a BigInt FNV-1a 64 reference on many label sets (the 16-bit limb arithmetic is exact)', () => {
    const encoder = new TextEncoder();
    const reference = (labels: Record<string, string>): string => {
      let hash = 0xcbf29ce484222325n;
      for (const name of Object.keys(labels).sort()) {
        for (const byte of [...encoder.encode(name), 0xff, ...encoder.encode(labels[name]), 0xff])
          hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
      }
      return hash.toString(16).padStart(16, '0');
    };
    let seed = 42;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const text = () =>
      Array.from({ length: random(12) }, () => String.fromCharCode(32 + random(95))).join('');
    for (let i = 0; i < 500; i++) {
      const labels = Object.fromEntries(
        Array.from({ length: random(6) }, (_, j) => [`l${j}_${text()}`, text()]),
      );
      expect(fingerprintOf(labels)).toBe(reference(labels));
    }
  });

  it('gives a label set given again, or an equal copy, the same fingerprint', () => {
    const labels = { alertname: 'Down', instance: 'a:9100' };
    const first = fingerprintOf(labels);
    expect(fingerprintOf(labels)).toBe(first);
    expect(fingerprintOf({ ...labels })).toBe(first);
  });

  it('copies a label set with copyLabels into an equal, separate object with the same fingerprint', () => {
    const labels = { alertname: 'Down', instance: 'a:9100' };
    const fingerprint = fingerprintOf(labels);
    const copy = copyLabels(labels);
    expect(copy).not.toBe(labels);
    expect(copy).toEqual(labels);
    expect(fingerprintOf(copy)).toBe(fingerprint);
    expect(fingerprintOf(copyLabels({ job: 'api' }))).toBe(fingerprintOf({ job: 'api' }));
  });
});
