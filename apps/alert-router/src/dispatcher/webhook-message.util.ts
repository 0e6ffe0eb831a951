import type { Alert, Labels } from '../alerts/alert.model';
import { isResolved } from '../alerts/alert.util';
import { fingerprintOf } from '../alerts/fingerprint.util';
import { isoStringsOf } from '../alerts/iso-strings.util';
import type { WebhookAlert, WebhookMessage } from '../receivers/receiver.types';

// Go's zero time.Time, which Alertmanager sends as endsAt of a firing alert without a known end.
const GO_ZERO_TIME = '0001-01-01T00:00:00Z';

/** What a notification is about: one group's alerts for one receiver. */
export interface NotificationSubject {
  readonly groupKey: string;
  readonly groupLabels: Labels;
  readonly receiver: string;
  /** Already sorted as Alertmanager sorts them. */
  readonly alerts: readonly Alert[];
}

/**
 * Alertmanager's webhook payload v4 for a notification (`notify/webhook` + `template.Data`):
 * status `firing` while any alert fires, common labels and annotations shared by every alert,
 * and firing alerts' end as Go's zero time.
 *
 * @example
 * webhookMessageOf({ groupKey, groupLabels, receiver: 'ops', alerts }, 'http://router:3004', now)
 */
export function webhookMessageOf(
  subject: NotificationSubject,
  externalUrl: string,
  now: Date,
): WebhookMessage {
  const iso = isoStringsOf();
  const alerts = subject.alerts.map((alert) => webhookAlertOf(alert, now, iso));
  return {
    version: '4',
    groupKey: subject.groupKey,
    truncatedAlerts: 0,
    status: alerts.some((alert) => alert.status === 'firing') ? 'firing' : 'resolved',
    receiver: subject.receiver,
    groupLabels: { ...subject.groupLabels },
    commonLabels: commonOf(subject.alerts.map((alert) => alert.labels)),
    commonAnnotations: commonOf(subject.alerts.map((alert) => alert.annotations)),
    externalURL: externalUrl,
    alerts,
  };
}

/**
 * The labels (or annotations) every set has with the same value (`template.Data` CommonLabels).
 *
 * @example
 * commonOf([{ a: '1', b: '2' }, { a: '1', b: '3' }]) // { a: '1' }
 */
export function commonOf(sets: readonly Labels[]): Record<string, string> {
  const [first, ...rest] = sets;
  if (!first) return {};
  return Object.fromEntries(
    Object.entries(first).filter(([name, value]) =>
      rest.every((set) => Object.hasOwn(set, name) && set[name] === value),
    ),
  );
}

// Labels and annotations are shared, not copied: both are immutable (`Readonly`) on either side.
function webhookAlertOf(alert: Alert, now: Date, iso: (date: Date) => string): WebhookAlert {
  const resolved = isResolved(alert, now);
  return {
    status: resolved ? 'resolved' : 'firing',
    labels: alert.labels,
    annotations: alert.annotations,
    startsAt: iso(alert.startsAt),
    endsAt: resolved && alert.endsAt ? iso(alert.endsAt) : GO_ZERO_TIME,
    generatorURL: alert.generatorURL ?? '',
    fingerprint: fingerprintOf(alert.labels),
  };
}
