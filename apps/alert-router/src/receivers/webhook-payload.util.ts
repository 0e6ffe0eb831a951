import { JsonBody } from './json-body.util';
import type { WebhookConfig } from './receiver-config.schema';
import type { WebhookMessage } from './receiver.types';

/**
 * The body of a generic webhook: Alertmanager's webhook JSON (version 4) with its keys in the order
 * Alertmanager's Go encoder writes them, and, when `max_alerts` is set, only the first max_alerts
 * alerts with the rest counted in `truncatedAlerts`.
 */
export function webhookPayloadOf(config: WebhookConfig, message: WebhookMessage): WebhookMessage {
  const keep =
    config.max_alerts > 0 ? Math.min(config.max_alerts, message.alerts.length) : message.alerts.length;
  return {
    receiver: message.receiver,
    status: message.status,
    alerts: message.alerts.slice(0, keep).map((alert) => ({
      status: alert.status,
      labels: alert.labels,
      annotations: alert.annotations,
      startsAt: alert.startsAt,
      endsAt: alert.endsAt,
      generatorURL: alert.generatorURL,
      fingerprint: alert.fingerprint,
    })),
    groupLabels: message.groupLabels,
    commonLabels: message.commonLabels,
    commonAnnotations: message.commonAnnotations,
    externalURL: message.externalURL,
    version: '4',
    groupKey: message.groupKey,
    truncatedAlerts: message.truncatedAlerts + (message.alerts.length - keep),
  };
}

// Messages are never modified once built, so a message's body for a config can be kept with it.
const bodies = new WeakMap<WebhookMessage, WeakMap<WebhookConfig, JsonBody>>();

/**
 * `webhookPayloadOf` serialised, remembered per message and config: a notification prepared ahead
 * of its group's flush moment has its body ready when the flush sends it.
 *
 * @example
 * postJson(url, webhookBodyOf(config, message), signal)
 */
export function webhookBodyOf(config: WebhookConfig, message: WebhookMessage): JsonBody {
  let byConfig = bodies.get(message);
  if (!byConfig) bodies.set(message, (byConfig = new WeakMap()));
  let body = byConfig.get(config);
  if (!body) byConfig.set(config, (body = new JsonBody(webhookPayloadOf(config, message))));
  return body;
}
