import { isValidLabelName } from '../alerts/label-set.util';
import type { Matcher } from '../routing/matcher.model';
import { matcherOf, matchesValue } from '../routing/matcher.util';
import type { Silence } from './silence.model';

/**
 * Why Alertmanager would refuse this silence (its `validateSilence`), empty if it would not: no
 * matchers, a bad label name or regex, matchers that all match the empty string (which would
 * silence every alert lacking those labels — only `=` and `=~` count, as in Alertmanager), a
 * missing time, or an end before the start.
 *
 * @example
 * validateSilence({ matchers: [matcherOf('=~', 'job', '.*')], startsAt, endsAt })
 * // ['at least one matcher must not match the empty string']
 */
export function validateSilence(silence: Pick<Silence, 'matchers' | 'startsAt' | 'endsAt'>): string[] {
  const problems: string[] = [];
  if (silence.matchers.length === 0) problems.push('at least one matcher required');
  silence.matchers.forEach((matcher, index) => {
    const problem = matcherProblemOf(matcher);
    if (problem !== undefined) problems.push(`invalid label matcher ${index}: ${problem}`);
  });
  if (silence.matchers.length > 0 && silence.matchers.every(matchesEmpty)) {
    problems.push('at least one matcher must not match the empty string');
  }
  if (Number.isNaN(silence.startsAt.getTime())) problems.push('invalid zero start timestamp');
  if (Number.isNaN(silence.endsAt.getTime())) problems.push('invalid zero end timestamp');
  if (silence.endsAt.getTime() < silence.startsAt.getTime())
    problems.push('end time must not be before start time');
  return problems;
}

function matcherProblemOf(matcher: Matcher): string | undefined {
  if (!isValidLabelName(matcher.name)) return `invalid label name ${JSON.stringify(matcher.name)}`;
  try {
    matcherOf(matcher.type, matcher.name, matcher.value);
    return undefined;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `invalid regular expression ${JSON.stringify(matcher.value)}: ${reason}`;
  }
}

// Alertmanager's matchesEmpty: negative matchers never count, even though they accept "".
function matchesEmpty(matcher: Matcher): boolean {
  switch (matcher.type) {
    case '=':
      return matcher.value === '';
    case '=~':
      return matcherProblemOf(matcher) === undefined && matchesValue(matcher, '');
    case '!=':
    case '!~':
      return false;
  }
}
