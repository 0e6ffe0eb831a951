import { goRegExpOf } from './go-regexp.util';

const anchored = (re: string): RegExp => goRegExpOf(`^(?:${re})$`);

describe(goRegExpOf.name, () => {
  it('matches like Go for plain alternations and classes', () => {
    expect(anchored('a|b').test('b')).toBe(true);
    expect(anchored('team-(B|C)').test('team-C')).toBe(true);
    expect(anchored('5..').test('503')).toBe(true);
    expect(anchored('5..').test('5034')).toBe(false);
  });

  it("lets . match \\r but not \\n, as Go's . does", () => {
    expect(anchored('a.b').test('a\rb')).toBe(true);
    expect(anchored('a.b').test('a\u2028b')).toBe(true);
    expect(anchored('a.b').test('a\nb')).toBe(false);
  });

  it('applies a leading (?i) or (?s) to the whole pattern', () => {
    expect(anchored('(?i)crit.*').test('CRITICAL')).toBe(true);
    expect(anchored('(?s)a.b').test('a\nb')).toBe(true);
    expect(goRegExpOf('^(?:^(?:(?i)crit)$)$').test('Crit')).toBe(true);
  });

  it("keeps \\s ASCII-only like Go's", () => {
    expect(anchored('a\\sb').test('a b')).toBe(true);
    expect(anchored('a\\sb').test('a\u00a0b')).toBe(false);
    expect(anchored('[\\s]').test('\u00a0')).toBe(false);
  });

  it('reads {, } and ] literally where they are not syntax, as Go does', () => {
    expect(anchored('a{b').test('a{b')).toBe(true);
    expect(anchored('a}').test('a}')).toBe(true);
    expect(anchored('a]').test('a]')).toBe(true);
    expect(anchored('[]a]+').test(']a]')).toBe(true);
    expect(anchored('a{2}').test('aa')).toBe(true);
  });

  it('accepts Go-only escapes: punctuation, \\Q…\\E, \\z, \\A, octal, \\x{…}, \\pL, POSIX classes', () => {
    expect(anchored('a\\!\\#\\-').test('a!#-')).toBe(true);
    expect(anchored('\\Q.*+\\E').test('.*+')).toBe(true);
    expect(goRegExpOf('\\Afoo\\z').test('foo')).toBe(true);
    expect(anchored('\\101\\x{1F600}').test('A😀')).toBe(true);
    expect(anchored('\\pL+').test('été')).toBe(true);
    expect(anchored('\\p{Greek}+').test('αβ')).toBe(true);
    expect(anchored('[[:alpha:]]+').test('abc')).toBe(true);
    expect(anchored('[[:alpha:]]+').test('abc1')).toBe(false);
    expect(anchored('(?P<sev>crit)').test('crit')).toBe(true);
  });

  it.each([
    ['an unclosed class', '[regexp', /missing closing \]/],
    ['an unclosed group', '((', /missing closing \)/],
    ['a stray )', '))', /unexpected \)/],
    ['a backreference', '(a)\\1', /invalid escape sequence/],
    ['lookahead', '(?=a)', /invalid or unsupported Perl syntax/],
    ['a repeat above 1000', 'a{1001}', /invalid repeat count/],
    ['an unknown escape', '\\k', /invalid escape sequence/],
    ['nothing to repeat', '*a', /error parsing regexp/],
  ])('rejects %s as Go does', (_what, pattern, message) => {
    expect(() => anchored(pattern)).toThrow(message);
  });

  it('refuses flags it cannot scope exactly rather than matching differently', () => {
    expect(() => anchored('a(?i)b')).toThrow(/flags after the start/);
    expect(() => anchored('(?m)^a')).toThrow(/unsupported flags/);
    expect(() => anchored('[[:^alpha:]]')).toThrow(/negated POSIX/);
  });
});
