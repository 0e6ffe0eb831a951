import { z } from 'zod';
import { isoTimeSchema } from '../json-value';
import { defineTopic } from '../topic';

const labelNameSchema = z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'must be a Prometheus label name');
const labelSetSchema = z.record(labelNameSchema, z.string());

/** An alert raised by one of our services, in Alertmanager's postable-alert shape. */
export const alertsRawTopic = defineTopic({
  name: 'alerts.raw.v1',
  keyDescription: 'alertname label',
  keyOf: (d) => d.labels.alertname,
  schema: z.object({
    labels: labelSetSchema.and(z.object({ alertname: z.string().min(1) })),
    annotations: labelSetSchema.default({}),
    startsAt: isoTimeSchema,
    endsAt: isoTimeSchema.optional(),
    generatorURL: z.string().url().optional(),
  }),
});

/** One delivery attempt's outcome, for audit and for operators' live views. */
export const alertsNotificationTopic = defineTopic({
  name: 'alerts.notification.v1',
  keyDescription: 'group key',
  keyOf: (d) => d.groupKey,
  schema: z.object({
    groupKey: z.string().min(1),
    receiver: z.string().min(1),
    integration: z.enum(['slack', 'pagerduty', 'email', 'webhook']),
    /** The integration's position among the receiver's configs of its kind (Alertmanager's `idx`). */
    integrationIndex: z.number().int().nonnegative().default(0),
    /** A group flush, or an escalation step notifying while the group stays unacknowledged. */
    kind: z.enum(['notification', 'escalation']).default('notification'),
    /** Why it was sent: Alertmanager's notify reason (`first-notification`, …) or `escalation-step-N`. */
    reason: z.string().optional(),
    status: z.enum(['firing', 'resolved']),
    fingerprints: z.array(z.string().min(1)).min(1),
    success: z.boolean(),
    error: z.string().optional(),
    attempt: z.number().int().positive(),
    sentAt: isoTimeSchema,
  }),
});
