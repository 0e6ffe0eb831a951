import type { Labels } from '../alerts/alert.model';
import { compareGoStrings, goQuoted } from '../alerts/go-string.util';
import { labelValueOf } from '../alerts/label-set.util';
import { goRegExpOf } from './go-regexp.util';
import { MATCH_TYPES, type MatchType, type Matcher } from './matcher.model';

// Alertmanager quotes a matcher's name only when it holds one of these (pkg/labels isReserved).
const RESERVED_IN_NAME = /[\s{}!=~,\\"'`]/u;

/**
 * A matcher, checked as Alertmanager's `labels.NewMatcher` does: a regex value must compile as a
 * fully anchored Go regexp `^(?:value)$`. Throws a Go-worded error otherwise.
 *
 * @example
 * matcherOf('=~', 'severity', 'critical|page')
 */
export function matcherOf(type: MatchType, name: string, value: string): Matcher {
  const matcher: Matcher = { type, name, value };
  if (isRegexType(type)) regExpOf(matcher);
  return matcher;
}

/**
 * Whether the matcher accepts a label value (pass "" for a missing label): `=` and `!=` compare
 * exactly, `=~` and `!~` test the fully anchored regex.
 *
 * @example
 * matchesValue(matcherOf('=~', 'env', 'prod|staging'), 'production') // false
 */
export function matchesValue(matcher: Matcher, value: string): boolean {
  switch (matcher.type) {
    case '=':
      return value === matcher.value;
    case '!=':
      return value !== matcher.value;
    case '=~':
      return regExpOf(matcher).test(value);
    case '!~':
      return !regExpOf(matcher).test(value);
  }
}

/**
 * Whether every matcher accepts the label set (Alertmanager's `Matchers.Matches`); a missing
 * label is matched as "", and no matchers accept everything.
 *
 * @example
 * matchesLabels([matcherOf('!=', 'env', 'prod')], {}) // true
 */
export function matchesLabels(matchers: readonly Matcher[], labels: Labels): boolean {
  return matchers.every((matcher) => matchesValue(matcher, labelValueOf(labels, matcher.name)));
}

/**
 * The matcher as Alertmanager prints it (`Matcher.String`): `name="value"` with only `\`, `"` and
 * newline escaped in the value; a name with reserved characters is quoted too.
 *
 * @example
 * matcherString(matcherOf('!~', 'baz', '.*quux')) // 'baz!~".*quux"'
 */
export function matcherString(matcher: Matcher): string {
  if (RESERVED_IN_NAME.test(matcher.name))
    return `${goQuoted(matcher.name)}${matcher.type}${goQuoted(matcher.value)}`;
  const escaped = matcher.value.replace(/[\\\n"]/g, (char) => (char === '\n' ? '\\n' : `\\${char}`));
  return `${matcher.name}${matcher.type}"${escaped}"`;
}

/**
 * The matchers as Alertmanager prints them (`Matchers.String`): `{a="1",b=~"2"}`, in the given order.
 *
 * @example
 * matchersString([]) // '{}'
 */
export function matchersString(matchers: readonly Matcher[]): string {
  return `{${matchers.map(matcherString).join(',')}}`;
}

/**
 * Sort order of matchers, Alertmanager's `Matchers.Less`: by name, then value, then match type.
 *
 * @example
 * matchers.sort(compareMatchers)
 */
export function compareMatchers(a: Matcher, b: Matcher): number {
  return (
    compareGoStrings(a.name, b.name) ||
    compareGoStrings(a.value, b.value) ||
    MATCH_TYPES.indexOf(a.type) - MATCH_TYPES.indexOf(b.type)
  );
}

function isRegexType(type: MatchType): boolean {
  return type === '=~' || type === '!~';
}

function regExpOf(matcher: Matcher): RegExp {
  return goRegExpOf(`^(?:${matcher.value})$`);
}
