import { matcherOf } from './matcher.util';
import { legacyMatchersOf, parseMatcher, parseMatchers } from './parse-matchers.util';

describe(parseMatchers.name, () => {
  // pkg/labels/parse_test.go TestMatchers, the accepted inputs.
  it.each([
    ['{foo="bar"}', [matcherOf('=', 'foo', 'bar')]],
    ['{foo=~"bar.*"}', [matcherOf('=~', 'foo', 'bar.*')]],
    ['{foo!="bar"}', [matcherOf('!=', 'foo', 'bar')]],
    ['{foo!~"bar.*"}', [matcherOf('!~', 'foo', 'bar.*')]],
    ['{foo="bar", baz!="quux"}', [matcherOf('=', 'foo', 'bar'), matcherOf('!=', 'baz', 'quux')]],
    [
      '{foo="bar",baz!~".*quux", derp="wat"}',
      [matcherOf('=', 'foo', 'bar'), matcherOf('!~', 'baz', '.*quux'), matcherOf('=', 'derp', 'wat')],
    ],
    ['{foo=""}', [matcherOf('=', 'foo', '')]],
    ['{foo="bar,quux", job="job1"}', [matcherOf('=', 'foo', 'bar,quux'), matcherOf('=', 'job', 'job1')]],
    ['{foo = "bar", dings != "bums", }', [matcherOf('=', 'foo', 'bar'), matcherOf('!=', 'dings', 'bums')]],
    ['foo=bar,dings!=bums', [matcherOf('=', 'foo', 'bar'), matcherOf('!=', 'dings', 'bums')]],
    [
      '{quote="She said: \\"Hi, ladies! That\'s gender-neutral…\\""}',
      [matcherOf('=', 'quote', 'She said: "Hi, ladies! That\'s gender-neutral…"')],
    ],
    ['statuscode=~"5.."', [matcherOf('=~', 'statuscode', '5..')]],
    ['tricky=~~~', [matcherOf('=~', 'tricky', '~~')]],
    ['trickier==\\\\=\\=\\"', [matcherOf('=', 'trickier', '=\\=\\="')]],
    [
      'contains_quote != "\\"" , contains_comma !~ "foo,bar" , ',
      [matcherOf('!=', 'contains_quote', '"'), matcherOf('!~', 'contains_comma', 'foo,bar')],
    ],
  ])('parses %s as Alertmanager does', (input, expected) => {
    expect(parseMatchers(input)).toEqual(expected);
  });

  // pkg/labels/parse_test.go TestMatchers, the rejected inputs and their messages.
  it.each([
    ['job=', 'matcher value is not present: job='],
    ['job="value', 'matcher value contains unescaped double quote: "value'],
    ['job=value"', 'matcher value contains unescaped double quote: value"'],
    ['trickier==\\\\=\\=\\""', 'matcher value contains unescaped double quote: =\\\\=\\=\\""'],
    ['contains_unescaped_quote = foo"bar', 'matcher value contains unescaped double quote: foo"bar'],
    ['{invalid-name = "valid label"}', 'bad matcher format: invalid-name = "valid label"'],
    ['"{foo=\\"bar"}', 'bad matcher format: "{foo=\\"bar"'],
    ['"foo="bar""', 'bad matcher format: "foo="bar""'],
  ])('rejects %s with "%s"', (input, message) => {
    expect(() => parseMatchers(input)).toThrow(message);
  });

  it('rejects an invalid regex value', () => {
    expect(() => parseMatchers('{foo=~"invalid[regexp"}')).toThrow(/missing closing \]/);
  });

  it('reads the empty string as no matchers', () => {
    expect(parseMatchers('')).toEqual([]);
    expect(parseMatchers('{}')).toEqual([]);
  });
});

describe(parseMatcher.name, () => {
  it('keeps a backslash that escapes nothing special, and unescapes \\n', () => {
    expect(parseMatcher('a="x\\y\\nz"')).toEqual(matcherOf('=', 'a', 'x\\y\nz'));
  });

  it('allows colons in the name like the classic parser', () => {
    expect(parseMatcher('job:rate="1"')).toEqual(matcherOf('=', 'job:rate', '1'));
  });
});

describe(legacyMatchersOf.name, () => {
  it('turns match into = matchers and match_re into anchored =~ matchers', () => {
    expect(legacyMatchersOf({ env: 'prod' }, { owner: 'team-(B|C)' })).toEqual([
      matcherOf('=', 'env', 'prod'),
      matcherOf('=~', 'owner', '^(?:team-(B|C))$'),
    ]);
  });

  it('rejects an invalid label name or regex', () => {
    expect(() => legacyMatchersOf({ '1nvalid': 'x' })).toThrow('invalid label name "1nvalid"');
    expect(() => legacyMatchersOf({}, { env: '(' })).toThrow(/error parsing regexp/);
  });
});
