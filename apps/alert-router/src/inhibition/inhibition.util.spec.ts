import type { Labels } from '../alerts/alert.model';
import { fingerprintOf } from '../alerts/fingerprint.util';
import { matcherOf } from '../routing/matcher.util';
import type { InhibitRule } from './inhibit-rule.model';
import { inhibitRuleOf } from './inhibit-rule.util';
import { inhibitingAlertOf, isInhibited } from './inhibition.util';

const now = new Date('2025-01-01T12:00:00Z');
const later = new Date(now.getTime() + 3_600_000);
const earlier = new Date(now.getTime() - 1000);

describe(isInhibited.name, () => {
  // inhibit/inhibit_test.go TestInhibitRuleMatches: two rules, one source alert cached per rule.
  const rules = [
    inhibitRuleOf({ source_match: { s1: '1' }, target_match: { t1: '1' }, equal: ['e'] }),
    inhibitRuleOf({ source_match: { s2: '1' }, target_match: { t2: '1' }, equal: ['e'] }),
  ];
  const sources: ReadonlyArray<{ labels: Labels; endsAt: Date }> = [
    { labels: { s1: '1', t1: '2', e: '1' }, endsAt: later }, // only rule 1's source side
    { labels: { s2: '1', t2: '1', e: '1' }, endsAt: later }, // both sides of rule 2
  ];

  it.each([
    ['a rule 1 target', { t1: '1', e: '1' }, true],
    ['a rule 2 target', { t2: '1', e: '1' }, true],
    ['a rule 1 target with extra labels', { t1: '1', t3: '1', e: '1' }, true],
    ['a target of both rules', { t1: '1', t2: '1', e: '1' }, true],
    ['an alert matching no target side', { t1: '0', e: '1' }, false],
    ['a rule 1 two-sided alert, as its source is one-sided', { s1: '1', t1: '1', e: '1' }, true],
    ['a rule 2 two-sided alert, as its only source is two-sided too', { s2: '1', t2: '1', e: '1' }, false],
    ['a target whose equal label differs', { t1: '1', e: '0' }, false],
  ])('decides like TestInhibitRuleMatches for %s', (_case, target, inhibited) => {
    expect(isInhibited(target, sources, rules, now)).toBe(inhibited);
  });

  // TestInhibitRuleMatchers: rule 1 targets t1!="1", so a missing t1 counts as a target.
  it.each([
    [{ t1: '1', e: '1' }, false],
    [{ t2: '1', e: '1' }, true],
    [{ t1: '1', t3: '1', e: '1' }, false],
    [{ t1: '1', t2: '1', e: '1' }, true],
    [{ t1: '0', e: '1' }, true],
    [{ s1: '1', t1: '1', e: '1' }, false],
    [{ s2: '1', t2: '1', e: '1' }, true],
    [{ t1: '1', e: '0' }, false],
  ])('decides like TestInhibitRuleMatchers for %o', (target, inhibited) => {
    const matcherRules: InhibitRule[] = [
      {
        sourceMatchers: [matcherOf('=', 's1', '1')],
        targetMatchers: [matcherOf('!=', 't1', '1')],
        equal: ['e'],
      },
      {
        sourceMatchers: [matcherOf('=', 's2', '1')],
        targetMatchers: [matcherOf('=', 't2', '1')],
        equal: ['e'],
      },
    ];
    expect(isInhibited(target, sources, matcherRules, now)).toBe(inhibited);
  });

  it('never lets an alert inhibit itself when it matches both sides of a rule', () => {
    const rule = inhibitRuleOf({
      source_matchers: ['severity=~"critical|warning"'],
      target_matchers: ['severity="warning"'],
    });
    const alert = { labels: { alertname: 'Disk', severity: 'warning' } };
    expect(isInhibited(alert.labels, [alert], [rule], now)).toBe(false);
  });

  it('treats a label missing on both sides as equal, and missing on one side as ""', () => {
    const rule = inhibitRuleOf({ source_matchers: ['s="1"'], target_matchers: ['t="1"'], equal: ['zone'] });
    expect(isInhibited({ t: '1' }, [{ labels: { s: '1' } }], [rule])).toBe(true);
    expect(isInhibited({ t: '1', zone: '' }, [{ labels: { s: '1' } }], [rule])).toBe(true);
    expect(isInhibited({ t: '1', zone: 'eu' }, [{ labels: { s: '1' } }], [rule])).toBe(false);
  });

  it('ignores sources that have resolved by now (TestInhibit: a resolved source mutes nothing)', () => {
    const rule = inhibitRuleOf({ source_match: { s: '1' }, target_match: { t: '1' }, equal: ['e'] });
    const target = { t: '1', e: 'f' };
    expect(isInhibited(target, [{ labels: { s: '1', e: 'f' }, endsAt: later }], [rule], now)).toBe(true);
    expect(isInhibited(target, [{ labels: { s: '1', e: 'f' }, endsAt: earlier }], [rule], now)).toBe(false);
    expect(
      isInhibited({ s: '1', e: 'f' }, [{ labels: { s: '1', e: 'f' }, endsAt: later }], [rule], now),
    ).toBe(false);
  });

  it('is never inhibited without rules or without sources', () => {
    expect(isInhibited({ t1: '1', e: '1' }, sources, [], now)).toBe(false);
    expect(isInhibited({ t1: '1', e: '1' }, [], rules, now)).toBe(false);
  });
});

describe(inhibitingAlertOf.name, () => {
  it('names the inhibiting source by fingerprint', () => {
    const rule = inhibitRuleOf({
      source_matchers: ['severity="critical"'],
      target_matchers: ['severity="warning"'],
      equal: ['cluster'],
    });
    const source = { labels: { alertname: 'Down', severity: 'critical', cluster: 'eu' } };
    expect(
      inhibitingAlertOf({ alertname: 'Slow', severity: 'warning', cluster: 'eu' }, [source], [rule]),
    ).toBe(fingerprintOf(source.labels));
    expect(
      inhibitingAlertOf({ alertname: 'Slow', severity: 'warning', cluster: 'us' }, [source], [rule]),
    ).toBeUndefined();
  });
});
