import { z } from 'zod';
import { isValidLabelName } from '../alerts/label-set.util';
import type { IncomingAlert } from '../alerts/alert.model';

const labelSet = z.record(z.string(), z.string()).superRefine((labels, ctx) => {
  for (const name of Object.keys(labels)) {
    if (!isValidLabelName(name))
      ctx.addIssue({ code: 'custom', path: [name], message: 'invalid label name' });
  }
});

/** Alertmanager's `postableAlerts` (API v2), checked as Alertmanager checks them. */
export const postableAlertsSchema = z.array(
  z
    .object({
      labels: labelSet.refine((labels) => Object.keys(labels).length > 0, 'at least one label pair required'),
      annotations: labelSet.optional(),
      startsAt: z.string().datetime({ offset: true }).optional(),
      endsAt: z.string().datetime({ offset: true }).optional(),
      generatorURL: z.string().url().optional(),
    })
    .refine((a) => !a.startsAt || !a.endsAt || Date.parse(a.startsAt) <= Date.parse(a.endsAt), {
      message: 'start time must be before end time',
      path: ['endsAt'],
    }),
);

export type PostableAlerts = z.infer<typeof postableAlertsSchema>;

/** The incoming form the store merges. */
export function incomingAlertsOf(alerts: PostableAlerts): IncomingAlert[] {
  return alerts.map((a) => ({
    labels: a.labels,
    annotations: a.annotations ?? {},
    ...(a.startsAt ? { startsAt: new Date(a.startsAt) } : {}),
    ...(a.endsAt ? { endsAt: new Date(a.endsAt) } : {}),
    ...(a.generatorURL ? { generatorURL: a.generatorURL } : {}),
  }));
}
