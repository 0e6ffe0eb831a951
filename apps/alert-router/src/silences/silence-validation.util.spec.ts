import type { Matcher } from '../routing/matcher.model';
import { matcherOf } from '../routing/matcher.util';
import { validateSilence } from './silence-validation.util';

const now = new Date('2025-01-01T12:00:00Z');
const valid = { matchers: [matcherOf('=', 'a', 'b')], startsAt: now, endsAt: now };

describe(validateSilence.name, () => {
  it('accepts a silence with a matcher and an end not before its start', () => {
    expect(validateSilence(valid)).toEqual([]);
  });

  it('requires at least one matcher', () => {
    expect(validateSilence({ ...valid, matchers: [] })).toEqual(['at least one matcher required']);
  });

  it('rejects an end before the start', () => {
    expect(validateSilence({ ...valid, endsAt: new Date(now.getTime() - 1000) })).toEqual([
      'end time must not be before start time',
    ]);
  });

  it('rejects invalid times', () => {
    expect(validateSilence({ ...valid, startsAt: new Date(Number.NaN) })).toContain(
      'invalid zero start timestamp',
    );
  });

  it('rejects matchers that all match the empty string (silence_test.go: a="" and b=~".*")', () => {
    expect(
      validateSilence({ ...valid, matchers: [matcherOf('=', 'a', ''), matcherOf('=~', 'b', '.*')] }),
    ).toEqual(['at least one matcher must not match the empty string']);
    expect(validateSilence({ ...valid, matchers: [matcherOf('=~', 'job', 'api|')] })).toEqual([
      'at least one matcher must not match the empty string',
    ]);
  });

  it('accepts them when one matcher needs a non-empty value', () => {
    expect(
      validateSilence({ ...valid, matchers: [matcherOf('=', 'a', ''), matcherOf('=~', 'b', '.+')] }),
    ).toEqual([]);
  });

  it('does not count != and !~ as matching the empty string, as Alertmanager does not', () => {
    expect(validateSilence({ ...valid, matchers: [matcherOf('!=', 'env', 'prod')] })).toEqual([]);
    expect(validateSilence({ ...valid, matchers: [matcherOf('!~', 'env', 'x')] })).toEqual([]);
  });

  // silence_test.go TestValidateClassicMatcher.
  it.each([
    [{ type: '=', name: '00', value: 'a' }, 'invalid label matcher 0: invalid label name "00"'],
    [{ type: '=', name: '\u{1F642}', value: 'a' }, 'invalid label matcher 0: invalid label name "\u{1F642}"'],
    [{ type: '=~', name: 'a', value: '((' }, 'invalid label matcher 0: invalid regular expression "(("'],
    [{ type: '!~', name: 'a', value: '))' }, 'invalid label matcher 0: invalid regular expression "))"'],
  ] satisfies ReadonlyArray<readonly [Matcher, string]>)('rejects %o', (matcher, problem) => {
    expect(validateSilence({ ...valid, matchers: [matcher] })[0]).toContain(problem);
  });

  it('accepts a UTF-8 value', () => {
    expect(validateSilence({ ...valid, matchers: [matcherOf('=', 'a', '\u{1F642}')] })).toEqual([]);
  });
});
