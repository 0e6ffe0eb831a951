import { compareGoStrings, goQuoted } from './go-string.util';

describe(compareGoStrings.name, () => {
  it('orders by code point, so an astral character sorts after U+FF5E unlike JavaScript <', () => {
    expect(['\u{1F600}', '\uFF5E', 'b', 'a'].sort(compareGoStrings)).toEqual([
      'a',
      'b',
      '\uFF5E',
      '\u{1F600}',
    ]);
    expect('\u{1F600}' < '\uFF5E').toBe(true); // the JavaScript order the function must not use
  });

  it('puts a prefix before the longer string and equal strings at 0', () => {
    expect(compareGoStrings('job', 'jobs')).toBeLessThan(0);
    expect(compareGoStrings('jobs', 'job')).toBeGreaterThan(0);
    expect(compareGoStrings('job', 'job')).toBe(0);
  });

  it('orders upper case before lower case as bytes do', () => {
    expect(['a', 'B', '_'].sort(compareGoStrings)).toEqual(['B', '_', 'a']);
  });
});

describe(goQuoted.name, () => {
  it('escapes quotes, backslashes and control characters as strconv.Quote does', () => {
    expect(goQuoted('say "hi"\\\n\t\x07\x00\x7f')).toBe('"say \\"hi\\"\\\\\\n\\t\\a\\x00\\x7f"');
  });

  it('keeps printable Unicode and escapes non-printable spaces and astral non-printables', () => {
    expect(goQuoted('héllo ✓ 😀')).toBe('"héllo ✓ 😀"');
    expect(goQuoted('a\u00a0b\u200b')).toBe('"a\\u00a0b\\u200b"');
    expect(goQuoted('\u{E0001}')).toBe('"\\U000e0001"');
  });
});
