import type { WebhookAlert, WebhookMessage } from './receiver.types';

/**
 * Alertmanager's `__subject` template, the default Slack title, PagerDuty description and email
 * subject: `[FIRING:2] <group label values> (<other common label values>)`.
 *
 * @example
 * subjectOf(message) // '[FIRING:2] HighLatency api (critical)'
 */
export function subjectOf(message: WebhookMessage): string {
  const firing = message.alerts.filter((alert) => alert.status === 'firing').length;
  const status = message.status.toUpperCase() + (message.status === 'firing' ? `:${firing}` : '');
  const groupValues = sortedValuesOf(message.groupLabels).join(' ');
  const groupNames = new Set(Object.keys(message.groupLabels));
  const extra = Object.fromEntries(
    Object.entries(message.commonLabels).filter(([name]) => !groupNames.has(name)),
  );
  const extraPart =
    Object.keys(message.commonLabels).length > groupNames.size ? `(${sortedValuesOf(extra).join(' ')})` : '';
  return `[${status}] ${groupValues} ${extraPart}`;
}

/** Alertmanager's `__text_alert_list`: each alert's labels, annotations and source as plain text. */
export function textAlertListOf(alerts: readonly WebhookAlert[]): string {
  return alerts
    .map(
      (alert) =>
        `Labels:\n${pairLinesOf(alert.labels)}Annotations:\n${pairLinesOf(alert.annotations)}` +
        `Source: ${alert.generatorURL}\n`,
    )
    .join('');
}

/** Label (or annotation) pairs sorted by name, as Alertmanager's `SortedPairs`. */
export function sortedPairsOf(pairs: Record<string, string>): [string, string][] {
  return Object.entries(pairs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function sortedValuesOf(pairs: Record<string, string>): string[] {
  return sortedPairsOf(pairs).map(([, value]) => value);
}

function pairLinesOf(pairs: Record<string, string>): string {
  return sortedPairsOf(pairs)
    .map(([name, value]) => ` - ${name} = ${value}\n`)
    .join('');
}

/** Alertmanager's `__alertmanagerURL`: the alert list filtered to this receiver. */
export function alertListUrlOf(message: WebhookMessage): string | undefined {
  if (!message.externalURL) return undefined;
  return `${message.externalURL}/#/alerts?receiver=${encodeURIComponent(message.receiver)}`;
}
