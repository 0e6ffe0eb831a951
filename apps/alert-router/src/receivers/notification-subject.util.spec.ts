import { alertListUrlOf, subjectOf, textAlertListOf } from './notification-subject.util';
import { alertOf, messageOf, resolvedMessageOf } from './testing/webhook-message.fixture';

describe(subjectOf.name, () => {
  it('counts firing alerts and appends the common labels beyond the group labels', () => {
    expect(subjectOf(messageOf())).toBe('[FIRING:2] HighLatency (critical)');
  });

  it('says RESOLVED without a count', () => {
    expect(subjectOf(resolvedMessageOf())).toBe('[RESOLVED] HighLatency (critical)');
  });

  it('counts only the firing alerts of a mixed group', () => {
    const message = messageOf();
    message.alerts[1] = { ...message.alerts[1]!, status: 'resolved' };
    expect(subjectOf(message)).toBe('[FIRING:1] HighLatency (critical)');
  });

  it('orders values by label name and keeps Alertmanager`s trailing space when nothing is common', () => {
    const message = messageOf({
      groupLabels: { service: 'api', alertname: 'HighLatency' },
      commonLabels: { service: 'api', alertname: 'HighLatency' },
    });
    expect(subjectOf(message)).toBe('[FIRING:2] HighLatency api ');
  });
});

describe(textAlertListOf.name, () => {
  it('lists labels and annotations sorted by name, then the source', () => {
    const alert = alertOf(
      { severity: 'critical', alertname: 'Down' },
      { annotations: { summary: 's', a: 'b' } },
    );
    expect(textAlertListOf([alert])).toBe(
      'Labels:\n - alertname = Down\n - severity = critical\nAnnotations:\n - a = b\n - summary = s\n' +
        'Source: http://prometheus.example/graph?g0.expr=up\n',
    );
  });
});

describe(alertListUrlOf.name, () => {
  it('links the alert list filtered to the receiver, like Alertmanager', () => {
    expect(alertListUrlOf(messageOf({ receiver: 'team a' }))).toBe(
      'http://alert-router.example/#/alerts?receiver=team%20a',
    );
    expect(alertListUrlOf(messageOf({ externalURL: '' }))).toBeUndefined();
  });
});
