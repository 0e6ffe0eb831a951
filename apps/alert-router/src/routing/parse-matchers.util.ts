import { isValidLabelName } from '../alerts/label-set.util';
import type { MatchType, Matcher } from './matcher.model';
import { matcherOf } from './matcher.util';

// pkg/labels/parse.go: name, operator ('=~' before '=' so the '~' is not read into the value),
// then the rest lazily so trailing whitespace is dropped. \s is Go's ASCII whitespace.
const MATCHER =
  /^[\t\n\f\r ]*([a-zA-Z_:][a-zA-Z0-9_:]*)[\t\n\f\r ]*(=~|=|!=|!~)[\t\n\f\r ]*([\s\S]*?)[\t\n\f\r ]*$/;

/**
 * One matcher in Alertmanager's classic syntax (pkg/labels `ParseMatcher`): a label name, an
 * operator, and a value that may be double-quoted, with OpenMetrics escapes `\"`, `\n`, `\\`
 * (any other backslash is literal). Throws with Alertmanager's error text.
 *
 * @example
 * parseMatcher('statuscode=~"5.."') // { type: '=~', name: 'statuscode', value: '5..' }
 */
export function parseMatcher(input: string): Matcher {
  const parts = MATCHER.exec(input);
  if (!parts) throw new Error(`bad matcher format: ${input}`);
  const [, name = '', operator = '=', rawValue = ''] = parts;
  if (rawValue === '') throw new Error(`matcher value is not present: ${input}`);
  const unescapedQuote = new Error(`matcher value contains unescaped double quote: ${rawValue}`);
  const quoted = rawValue.startsWith('"');
  const raw = quoted ? rawValue.slice(1) : rawValue;
  let value = '';
  let escaped = false;
  let closed = !quoted;
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i] ?? '';
    if (escaped) {
      escaped = false;
      value += char === 'n' ? '\n' : char === '"' || char === '\\' ? char : `\\${char}`;
    } else if (char === '\\') {
      if (i < raw.length - 1) escaped = true;
      else value += '\\';
    } else if (char === '"') {
      if (closed || i < raw.length - 1) throw unescapedQuote;
      closed = true;
    } else {
      value += char;
    }
  }
  if (!closed) throw unescapedQuote;
  return matcherOf(operator as MatchType, name, value);
}

/**
 * A comma-separated list of matchers (pkg/labels `ParseMatchers`): optional surrounding braces, commas
 * inside double quotes do not separate, a trailing comma is allowed.
 *
 * @example
 * parseMatchers('{foo = "bar", dings != "bums", }') // two matchers
 */
export function parseMatchers(input: string): Matcher[] {
  const body = input.replace(/^\{/, '').replace(/\}$/, '');
  const tokens: string[] = [];
  let token = '';
  let insideQuotes = false;
  let escaped = false;
  for (const char of body) {
    if (char === ',' && !insideQuotes) {
      tokens.push(token);
      token = '';
      continue;
    }
    if (char === '"') {
      if (escaped) escaped = false;
      else insideQuotes = !insideQuotes;
    } else if (char === '\\') {
      escaped = !escaped;
    } else {
      escaped = false;
    }
    token += char;
  }
  if (token.trim() !== '') tokens.push(token.trim());
  return tokens.map(parseMatcher);
}

/**
 * The matchers of Alertmanager's deprecated `match` / `match_re` maps (also `source_match`…):
 * equality matchers, and regex matchers whose value is the anchored `^(?:re)$` Alertmanager's
 * config.Regexp prints (it shows in route keys). Throws on a bad label name or regex.
 *
 * @example
 * legacyMatchersOf({ env: 'prod' }, { owner: 'team-(B|C)' }) // env="prod", owner=~"^(?:team-(B|C))$"
 */
export function legacyMatchersOf(
  match: Readonly<Record<string, string>> = {},
  matchRe: Readonly<Record<string, string>> = {},
): Matcher[] {
  const names = [...Object.keys(match), ...Object.keys(matchRe)];
  const invalid = names.find((name) => !isValidLabelName(name));
  if (invalid !== undefined) throw new Error(`invalid label name ${JSON.stringify(invalid)}`);
  return [
    ...Object.entries(match).map(([name, value]) => matcherOf('=', name, value)),
    ...Object.entries(matchRe).map(([name, re]) => matcherOf('=~', name, `^(?:${re})$`)),
  ];
}
