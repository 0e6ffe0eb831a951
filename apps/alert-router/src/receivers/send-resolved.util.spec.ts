import { commonPairsOf, withoutResolvedAlerts } from './send-resolved.util';
import { alertOf, messageOf, resolvedMessageOf } from './testing/webhook-message.fixture';

describe(withoutResolvedAlerts.name, () => {
  it('returns nothing to send when every alert resolved', () => {
    expect(withoutResolvedAlerts(resolvedMessageOf())).toBeUndefined();
  });

  it('passes an all-firing message through unchanged', () => {
    const message = messageOf();
    expect(withoutResolvedAlerts(message)).toBe(message);
  });

  it('drops resolved alerts and recomputes what the rest have in common', () => {
    const message = messageOf({
      alerts: [
        alertOf({ alertname: 'HighLatency', service: 'api', severity: 'critical' }),
        alertOf({ alertname: 'HighLatency', service: 'web', severity: 'warning' }, { status: 'resolved' }),
      ],
      commonLabels: { alertname: 'HighLatency' },
    });
    const sent = withoutResolvedAlerts(message);
    expect(sent?.alerts.map((alert) => alert.labels['service'])).toEqual(['api']);
    expect(sent?.status).toBe('firing');
    expect(sent?.commonLabels).toEqual({ alertname: 'HighLatency', service: 'api', severity: 'critical' });
  });

  it('narrows the same message to the same object, so a body prepared for it is found again', () => {
    const message = messageOf({
      alerts: [
        alertOf({ alertname: 'HighLatency', service: 'api' }),
        alertOf({ alertname: 'HighLatency', service: 'web' }, { status: 'resolved' }),
      ],
    });
    expect(withoutResolvedAlerts(message)).toBe(withoutResolvedAlerts(message));
    expect(withoutResolvedAlerts(messageOf())).not.toBe(withoutResolvedAlerts(messageOf()));
  });
});

describe(commonPairsOf.name, () => {
  it('keeps only pairs equal in every set', () => {
    expect(commonPairsOf([{ a: '1', b: '2' }, { a: '1', b: '3' }, { a: '1' }])).toEqual({ a: '1' });
    expect(commonPairsOf([])).toEqual({});
  });
});
