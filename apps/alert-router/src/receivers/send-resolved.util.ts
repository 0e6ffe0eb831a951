import type { WebhookAlert, WebhookMessage } from './receiver.types';

// Messages are never modified once built: the same message always narrows to the same one, and
// keeping it lets a body prepared for the narrowed message (webhookBodyOf) be found again.
const narrowed = new WeakMap<WebhookMessage, WebhookMessage | null>();

/**
 * The message an integration with `send_resolved: false` gets, as Alertmanager's retry stage builds
 * it: resolved alerts removed and the common labels/annotations recomputed over what is left;
 * undefined when nothing fires any more (the notification is logged but not sent). The same
 * message object is returned for the same input.
 */
export function withoutResolvedAlerts(message: WebhookMessage): WebhookMessage | undefined {
  let result = narrowed.get(message);
  if (result === undefined) narrowed.set(message, (result = firingOnly(message) ?? null));
  return result ?? undefined;
}

function firingOnly(message: WebhookMessage): WebhookMessage | undefined {
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
