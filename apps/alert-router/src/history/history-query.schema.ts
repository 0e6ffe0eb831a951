import { z } from 'zod';

const MAX_LIMIT = 1000;

/** `label=name=value`, repeatable: the rows must carry all these labels with these values. */
const labelFilter = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
  .pipe(
    z.array(
      z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*=.*$/s, 'must be name=value with a Prometheus label name'),
    ),
  )
  .transform((pairs) =>
    Object.fromEntries(
      pairs.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
    ),
  );

const time = z
  .string()
  .datetime({ offset: true })
  .transform((text) => new Date(text));

const common = {
  label: labelFilter,
  from: time.optional(),
  to: time.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(100),
};

/** Query of `GET /api/v1/history/alerts`. */
export const alertHistoryQuerySchema = z.object({
  ...common,
  fingerprint: z
    .string()
    .regex(/^[0-9a-f]{16}$/, 'must be 16 hex digits')
    .optional(),
  status: z.enum(['firing', 'resolved']).optional(),
});

/** Query of `GET /api/v1/history/notifications`. */
export const notificationHistoryQuerySchema = z.object({
  ...common,
  fingerprint: z
    .string()
    .regex(/^[0-9a-f]{16}$/, 'must be 16 hex digits')
    .optional(),
  groupKey: z.string().min(1).optional(),
  receiver: z.string().min(1).optional(),
  status: z.enum(['firing', 'resolved']).optional(),
  outcome: z.enum(['sent', 'skipped', 'failed']).optional(),
  kind: z.enum(['notification', 'escalation', 'acknowledgement']).optional(),
});

export type AlertHistoryQuery = z.infer<typeof alertHistoryQuerySchema>;
export type NotificationHistoryQuery = z.infer<typeof notificationHistoryQuerySchema>;
