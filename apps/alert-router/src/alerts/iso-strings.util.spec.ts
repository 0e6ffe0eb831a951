import { isoStringsOf } from './iso-strings.util';

describe(isoStringsOf.name, () => {
  it('formats like Date.toISOString, once per instant', () => {
    const iso = isoStringsOf();
    const first = iso(new Date('2026-01-01T10:00:00.123Z'));
    expect(first).toBe('2026-01-01T10:00:00.123Z');
    expect(iso(new Date(Date.parse('2026-01-01T10:00:00.123Z')))).toBe(first);
    expect(iso(new Date('2026-01-01T10:00:01Z'))).toBe('2026-01-01T10:00:01.000Z');
  });
});
