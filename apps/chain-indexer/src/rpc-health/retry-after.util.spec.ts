import { retryAfterMs } from './retry-after.util';

const now = new Date('2015-10-21T07:27:30Z');

describe(retryAfterMs.name, () => {
  it('reads delta-seconds', () => {
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
  });

  it('reads an IMF-fixdate as the time left until then', () => {
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT', now)).toBe(30_000);
  });

  it('reads the obsolete RFC 850 and asctime forms, both as UTC', () => {
    expect(retryAfterMs('Wednesday, 21-Oct-15 07:28:00 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Wed Oct 21 07:28:00 2015', now)).toBe(30_000);
    expect(retryAfterMs('Sun Nov  6 08:49:37 1994', new Date('1994-11-06T08:49:00Z'))).toBe(37_000);
  });

  it('reads a two-digit year as at most 50 years ahead, else the previous century', () => {
    const newYear2025 = new Date('2025-01-01T00:00:00Z');
    expect(retryAfterMs('Wednesday, 01-Jan-25 00:00:30 GMT', newYear2025)).toBe(30_000);
    expect(retryAfterMs('Sunday, 06-Nov-94 08:49:37 GMT', newYear2025)).toBe(0);
  });

  it('is 0 for a date already past', () => {
    expect(retryAfterMs('Wed, 21 Oct 2015 07:00:00 GMT', now)).toBe(0);
  });

  it('is undefined for an absent or unreadable value', () => {
    for (const value of [
      undefined,
      null,
      '',
      '1.5',
      '-1',
      'soon',
      '2015-10-21T07:28:00Z',
      'Wed, 31 Feb 2015 07:28:00 GMT',
    ]) {
      expect(retryAfterMs(value, now)).toBeUndefined();
    }
  });
});
