import { datetimeRegex, z } from 'zod';
import { ISO_TIME_PATTERN, isoTimeSchema, jsonValueSchema } from './json-value';

describe('jsonValueSchema', () => {
  it('accepts JSON values at any depth, parse after parse', () => {
    const value = { a: [1, 'x', true, null, { b: [[{ c: -2.5 }]] }], d: {} };
    for (let i = 0; i < 3; i++) expect(jsonValueSchema.parse(value)).toEqual(value);
  });

  it('refuses what JSON cannot hold, however deep', () => {
    for (const leaf of [Number.NaN, Number.POSITIVE_INFINITY, 1n, undefined, () => 1]) {
      expect(jsonValueSchema.safeParse({ a: [{ b: leaf }] }).success).toBe(false);
      expect(jsonValueSchema.safeParse({ a: [{ b: 'fine' }] }).success).toBe(true);
    }
  });
});

describe('isoTimeSchema', () => {
  const zodDatetime = z.string().datetime({ offset: true });

  it("is zod's own datetime pattern (offset allowed, any precision)", () => {
    const check = zodDatetime._def.checks[0];
    if (check?.kind !== 'datetime') throw new Error('expected a datetime check');
    expect(ISO_TIME_PATTERN.source).toBe(datetimeRegex(check).source);
  });

  it('accepts and refuses exactly what z.string().datetime({ offset: true }) does, with its message', () => {
    const samples = [
      '2026-01-01T00:00:00Z',
      '2026-01-01T00:00:00.000Z',
      '2026-01-01T00:00:00.123456789Z',
      '2026-01-01T00:00Z',
      '2026-01-01T23:59:59+02:00',
      '2026-01-01T23:59:59-0530',
      '2024-02-29T00:00:00Z',
      '2023-02-29T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-01-01T24:00:00Z',
      '2026-01-01 00:00:00Z',
      '2026-01-01T00:00:00',
      '+010000-01-01T00:00:00.000Z',
      '',
      'yesterday',
    ];
    for (const sample of samples) {
      const expected = zodDatetime.safeParse(sample);
      const actual = isoTimeSchema.safeParse(sample);
      expect({ sample, success: actual.success }).toEqual({ sample, success: expected.success });
      if (!actual.success && !expected.success) {
        expect(actual.error.issues.map((i) => i.message)).toEqual(
          expected.error.issues.map((i) => i.message),
        );
      }
    }
  });
});
