import { matcherOf } from '../routing/matcher.util';
import { inhibitRuleOf } from './inhibit-rule.util';

describe(inhibitRuleOf.name, () => {
  it('parses matchers for each side and keeps equal', () => {
    expect(
      inhibitRuleOf({
        name: 'critical mutes warning',
        source_matchers: ['severity="critical"'],
        target_matchers: ['severity=~"warning|info"'],
        equal: ['cluster', 'service'],
      }),
    ).toEqual({
      name: 'critical mutes warning',
      sourceMatchers: [matcherOf('=', 'severity', 'critical')],
      targetMatchers: [matcherOf('=~', 'severity', 'warning|info')],
      equal: ['cluster', 'service'],
    });
  });

  it('combines the deprecated source_match / target_match_re maps with the matchers', () => {
    const rule = inhibitRuleOf({
      source_match: { s1: '1' },
      source_matchers: ['x="y"'],
      target_match_re: { t1: '1|2' },
    });
    expect(rule.sourceMatchers).toEqual([matcherOf('=', 's1', '1'), matcherOf('=', 'x', 'y')]);
    expect(rule.targetMatchers).toEqual([matcherOf('=~', 't1', '^(?:1|2)$')]);
    expect(rule.equal).toEqual([]);
  });

  it('rejects an invalid equal label name, matcher or regex', () => {
    expect(() => inhibitRuleOf({ equal: ['-bad-'] })).toThrow('invalid label name "-bad-" in equal list');
    expect(() => inhibitRuleOf({ source_matchers: ['severity'] })).toThrow('bad matcher format: severity');
    expect(() => inhibitRuleOf({ target_match_re: { a: '(' } })).toThrow(/error parsing regexp/);
  });
});
