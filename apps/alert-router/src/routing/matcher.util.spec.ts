import type { Matcher } from './matcher.model';
import {
  compareMatchers,
  matcherOf,
  matchersString,
  matcherString,
  matchesLabels,
  matchesValue,
} from './matcher.util';

describe(matcherOf.name, () => {
  it('rejects a regex value that does not compile, as labels.NewMatcher does', () => {
    expect(() => matcherOf('=~', 'foo', 'invalid[regexp')).toThrow(
      /error parsing regexp: missing closing \]/,
    );
    expect(() => matcherOf('!~', 'foo', '))')).toThrow(/error parsing regexp/);
  });

  it('does not compile equality values, so any string is a valid = value', () => {
    expect(matcherOf('=', 'foo', 'invalid[regexp')).toEqual({
      type: '=',
      name: 'foo',
      value: 'invalid[regexp',
    });
  });
});

describe(matchesValue.name, () => {
  it('compares = and != exactly', () => {
    expect(matchesValue(matcherOf('=', 'a', 'x'), 'x')).toBe(true);
    expect(matchesValue(matcherOf('=', 'a', 'x'), 'xx')).toBe(false);
    expect(matchesValue(matcherOf('!=', 'a', 'x'), 'xx')).toBe(true);
  });

  it('anchors regexes at both ends: =~"b" does not match "abc"', () => {
    expect(matchesValue(matcherOf('=~', 'a', 'b'), 'abc')).toBe(false);
    expect(matchesValue(matcherOf('=~', 'a', 'b.*'), 'bcd')).toBe(true);
    expect(matchesValue(matcherOf('!~', 'a', 'b'), 'abc')).toBe(true);
  });

  it('anchors the whole alternation, not only its first and last branch', () => {
    expect(matchesValue(matcherOf('=~', 'a', 'foo|bar'), 'foobar')).toBe(false);
    expect(matchesValue(matcherOf('=~', 'a', 'foo|bar'), 'bar')).toBe(true);
  });
});

describe(matchesLabels.name, () => {
  it('reads a missing label as "" for every operator', () => {
    expect(matchesLabels([matcherOf('=', 'env', '')], {})).toBe(true);
    expect(matchesLabels([matcherOf('!=', 'env', 'prod')], {})).toBe(true);
    expect(matchesLabels([matcherOf('=~', 'env', '.*')], {})).toBe(true);
    expect(matchesLabels([matcherOf('!~', 'env', '.+')], {})).toBe(true);
    expect(matchesLabels([matcherOf('=~', 'env', '.+')], {})).toBe(false);
  });

  it('requires every matcher and accepts anything with no matchers', () => {
    const matchers = [matcherOf('=', 'a', '1'), matcherOf('=', 'b', '2')];
    expect(matchesLabels(matchers, { a: '1', b: '2' })).toBe(true);
    expect(matchesLabels(matchers, { a: '1' })).toBe(false);
    expect(matchesLabels([], { a: '1' })).toBe(true);
  });
});

describe(matcherString.name, () => {
  it('prints name, operator and the value in double quotes', () => {
    expect(matcherString(matcherOf('!~', 'baz', '.*quux'))).toBe('baz!~".*quux"');
  });

  it('escapes only backslash, double quote and newline in the value (OpenMetrics escaping)', () => {
    expect(matcherString(matcherOf('=', 'a', 'x\\y"z\n\t'))).toBe('a="x\\\\y\\"z\\n\t"');
  });

  it('quotes a name that holds reserved characters', () => {
    expect(matcherString(matcherOf('=', 'my label', 'v'))).toBe('"my label"="v"');
  });
});

describe(matchersString.name, () => {
  it('joins matchers with commas inside braces, and prints none as {}', () => {
    expect(matchersString([matcherOf('!=', 'level', 'critical'), matcherOf('=', 'owner', 'team-A')])).toBe(
      '{level!="critical",owner="team-A"}',
    );
    expect(matchersString([])).toBe('{}');
  });
});

describe(compareMatchers.name, () => {
  it('sorts by name, then value, then operator in =, !=, =~, !~ order', () => {
    const unsorted: Matcher[] = [
      matcherOf('!~', 'b', 'x'),
      matcherOf('=', 'b', 'x'),
      matcherOf('=~', 'b', 'x'),
      matcherOf('!=', 'b', 'x'),
      matcherOf('=', 'b', 'a'),
      matcherOf('=', 'a', 'z'),
    ];
    expect(unsorted.sort(compareMatchers).map(matcherString)).toEqual([
      'a="z"',
      'b="a"',
      'b="x"',
      'b!="x"',
      'b=~"x"',
      'b!~"x"',
    ]);
  });
});
