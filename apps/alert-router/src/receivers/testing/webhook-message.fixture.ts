import type { WebhookAlert, WebhookMessage } from '../receiver.types';

/** Alertmanager's endsAt for a firing alert without a known end. */
export const ZERO_TIME = '0001-01-01T00:00:00Z';

/** A firing (or, with `endsAt`, resolved) alert with a summary annotation. */
export function alertOf(labels: Record<string, string>, overrides: Partial<WebhookAlert> = {}): WebhookAlert {
  return {
    status: 'firing',
    labels,
    annotations: { summary: `${labels['alertname'] ?? 'alert'} on ${labels['service'] ?? 'x'}` },
    startsAt: '2026-01-01T10:00:00Z',
    endsAt: ZERO_TIME,
    generatorURL: 'http://prometheus.example/graph?g0.expr=up',
    fingerprint: `fp-${Object.values(labels).join('-')}`,
    ...overrides,
  };
}

/**
 * The message for a HighLatency group (group_by: [alertname]) of api and web alerts, both critical:
 * groupKey `{}:{alertname="HighLatency"}` as Alertmanager forms it for the root route.
 */
export function messageOf(overrides: Partial<WebhookMessage> = {}): WebhookMessage {
  return {
    version: '4',
    groupKey: '{}:{alertname="HighLatency"}',
    truncatedAlerts: 0,
    status: 'firing',
    receiver: 'ops',
    groupLabels: { alertname: 'HighLatency' },
    commonLabels: { alertname: 'HighLatency', severity: 'critical' },
    commonAnnotations: {},
    externalURL: 'http://alert-router.example',
    alerts: [
      alertOf({ alertname: 'HighLatency', service: 'api', severity: 'critical' }),
      alertOf({ alertname: 'HighLatency', service: 'web', severity: 'critical' }),
    ],
    ...overrides,
  };
}

/** The same group once every alert resolved. */
export function resolvedMessageOf(overrides: Partial<WebhookMessage> = {}): WebhookMessage {
  const firing = messageOf();
  return {
    ...firing,
    status: 'resolved',
    alerts: firing.alerts.map((alert) => ({ ...alert, status: 'resolved', endsAt: '2026-01-01T10:30:00Z' })),
    ...overrides,
  };
}
