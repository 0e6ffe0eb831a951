import { fingerprintOf } from '../alerts/fingerprint.util';
import { inhibitRuleOf } from '../inhibition/inhibit-rule.util';
import { matcherOf } from '../routing/matcher.util';
import { alertsToNotify, mutedAlertsOf } from './mute.util';

const now = new Date('2030-01-01T01:00:00Z');
const alert = (labels: Record<string, string>, endsAt?: Date) => ({
  labels,
  annotations: {},
  startsAt: new Date('2030-01-01T00:00:00Z'),
  updatedAt: new Date('2030-01-01T00:00:00Z'),
  ...(endsAt ? { endsAt } : {}),
});
const silence = {
  id: 's1',
  matchers: [matcherOf('=', 'alertname', 'Noisy')],
  startsAt: new Date('2030-01-01T00:00:00Z'),
  endsAt: new Date('2030-01-01T02:00:00Z'),
  createdBy: 'sre',
  comment: '',
  updatedAt: new Date('2030-01-01T00:00:00Z'),
};
const rule = inhibitRuleOf({
  source_matchers: ['severity="critical"'],
  target_matchers: ['severity="warning"'],
  equal: ['cluster'],
});

describe(mutedAlertsOf.name, () => {
  it('reports silenced and inhibited alerts with what mutes them', () => {
    const source = alert({ alertname: 'Down', severity: 'critical' });
    const noisy = alert({ alertname: 'Noisy' });
    const target = alert({ alertname: 'Slow', severity: 'warning' });
    const other = alert({ alertname: 'Slow', severity: 'warning', cluster: 'eu' });
    const muted = mutedAlertsOf([source, noisy, target, other], {
      silences: [silence],
      inhibitRules: [rule],
      sources: [source, noisy, target, other],
      now,
    });
    expect([...muted]).toEqual([
      [fingerprintOf(noisy.labels), { silencedBy: ['s1'] }],
      [fingerprintOf(target.labels), { silencedBy: [], inhibitedBy: fingerprintOf(source.labels) }],
    ]);
  });
});

describe(alertsToNotify.name, () => {
  const firing = alert({ alertname: 'Noisy', instance: 'a' });
  const resolved = alert({ alertname: 'Noisy', instance: 'b' }, new Date('2030-01-01T00:30:00Z'));
  const muted = new Map([
    [fingerprintOf(firing.labels), { silencedBy: ['s1'] }],
    [fingerprintOf(resolved.labels), { silencedBy: ['s1'] }],
  ]);

  it('drops muted alerts', () => {
    expect(alertsToNotify([firing, resolved], muted, now, false, [fingerprintOf(resolved.labels)])).toEqual(
      [],
    );
  });

  it('with send_resolved_when_muted keeps muted resolved alerts the integration was told were firing', () => {
    expect(alertsToNotify([firing, resolved], muted, now, true, [fingerprintOf(resolved.labels)])).toEqual([
      resolved,
    ]);
    expect(alertsToNotify([firing, resolved], muted, now, true, [])).toEqual([]);
  });

  it('returns the very array it was given when every alert is told (a prepared notification is keyed by it)', () => {
    const alerts = [firing, resolved];
    expect(alertsToNotify(alerts, new Map(), now, false, [])).toBe(alerts);
    const onlyResolvedMuted = new Map([[fingerprintOf(resolved.labels), { silencedBy: ['s1'] }]]);
    expect(alertsToNotify(alerts, onlyResolvedMuted, now, true, [fingerprintOf(resolved.labels)])).toBe(
      alerts,
    );
    expect(alertsToNotify(alerts, onlyResolvedMuted, now, false, [])).toEqual([firing]);
  });
});
