import type { WebhookAlert, WebhookMessage } from './receiver.types';

/**
 * The message an integration with `send_resolved: false` gets, as Alertmanager's retry stage builds
 * it: resolved alerts removed and the common labels/annotations recomputed over what is left;
 * undefined when nothing fires any more (the notification is logged but not sent).
 */
export function withoutResolvedAlerts(message: WebhookMessage): WebhookMessage | undefined {
  const firing = message.alerts.filter((alert) => alert.status === 'firing');
  if (firing.length === 0) return undefined;
  if (firing.length === message.alerts.length) return message;
  return {
    ...message,
    status: 'firing',
    alerts: firing,
    commonLabels: commonPairsOf(firing.map((alert) => alert.labels)),
    commonAnnotations: commonPairsOf(firing.map((alert) => alert.annotations)),
  };
}

/** Name/value pairs present with the same value in every set (Alertmanager's CommonLabels). */
export function commonPairsOf(sets: readonly WebhookAlert['labels'][]): Record<string, string> {
  const [first, ...rest] = sets;
  if (!first) return {};
  return Object.fromEntries(
    Object.entries(first).filter(([name, value]) => rest.every((set) => set[name] === value)),
  );
}
