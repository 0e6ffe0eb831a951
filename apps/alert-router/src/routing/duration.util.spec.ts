import { formatDuration, parseDuration } from './duration.util';

describe(parseDuration.name, () => {
  it.each([
    ['30s', 30_000],
    ['5m', 300_000],
    ['4h', 14_400_000],
    ['1d', 86_400_000],
    ['1w', 604_800_000],
    ['1y', 31_536_000_000],
    ['1h30m', 5_400_000],
    ['500ms', 500],
    ['0', 0],
    ['0s', 0],
  ])('reads %s as %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['1.5h', '30m1h', '1h1h', '-5m', '5 m', '5M', '5', 'PT5M'])('rejects %s', (text) => {
    expect(() => parseDuration(text)).toThrow(`not a valid duration string: "${text}"`);
  });

  it('rejects the empty string and durations beyond Go int64 nanoseconds', () => {
    expect(() => parseDuration('')).toThrow('empty duration string');
    expect(() => parseDuration('300y')).toThrow('duration out of range');
  });
});

describe(formatDuration.name, () => {
  it('prints largest units first and zero as 0s', () => {
    expect(formatDuration(5_400_000)).toBe('1h30m');
    expect(formatDuration(90_061_001)).toBe('1d1h1m1s1ms');
    expect(formatDuration(0)).toBe('0s');
  });

  it('round-trips what parseDuration reads', () => {
    for (const text of ['30s', '5m', '4h', '1d', '2w', '1y1d'])
      expect(formatDuration(parseDuration(text))).toBe(text);
  });
});
