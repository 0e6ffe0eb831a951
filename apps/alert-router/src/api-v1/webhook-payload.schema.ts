import { z } from 'zod';
import type { IncomingAlert } from '../alerts/alert.model';
import { isValidLabelName } from '../alerts/label-set.util';

// Go's zero time: Alertmanager's endsAt of a firing alert whose end is unknown.
const GO_ZERO_TIME_MS = Date.parse('0001-01-01T00:00:00Z');

const labelSet = z.record(z.string(), z.string()).superRefine((labels, ctx) => {
  for (const name of Object.keys(labels)) {
    if (!isValidLabelName(name))
      ctx.addIssue({ code: 'custom', path: [name], message: 'invalid label name' });
  }
});

const time = z.string().datetime({ offset: true });

/**
 * Alertmanager's webhook payload, version 4 (what another Alertmanager's `webhook_configs` sends).
 * Fields the router does not need (groupKey, receiver, common labels) are accepted and ignored.
 */
export const webhookPayloadSchema = z.object({
  version: z.literal('4'),
  status: z.enum(['firing', 'resolved']),
  alerts: z
    .array(
      z.object({
        status: z.enum(['firing', 'resolved']),
        labels: labelSet.refine(
          (labels) => Object.keys(labels).length > 0,
          'at least one label pair required',
        ),
        annotations: labelSet.default({}),
        startsAt: time,
        endsAt: time.optional(),
        generatorURL: z.string().optional(),
      }),
    )
    .min(1, 'at least one alert required'),
});

export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;

/**
 * The alerts of a webhook payload as the store takes them: a firing alert keeps an end only when it
 * is a real time (Alertmanager sends Go's zero time otherwise), a resolved one keeps its end.
 *
 * @example
 * incomingAlertsOfWebhook(payload) // [{ labels, annotations, startsAt, endsAt? }]
 */
export function incomingAlertsOfWebhook(payload: WebhookPayload): IncomingAlert[] {
  return payload.alerts.map((alert) => {
    const endsAtMs = alert.endsAt === undefined ? GO_ZERO_TIME_MS : Date.parse(alert.endsAt);
    const hasEnd = endsAtMs > GO_ZERO_TIME_MS;
    return {
      labels: alert.labels,
      annotations: alert.annotations,
      startsAt: new Date(alert.startsAt),
      ...(hasEnd ? { endsAt: new Date(endsAtMs) } : {}),
      ...(alert.generatorURL ? { generatorURL: alert.generatorURL } : {}),
    };
  });
}
