import { z } from 'zod';

/** One metric a rule or dashboard needs that its owning service does not register yet. */
export const pendingMetricSchema = z
  .object({
    /** The series name as PromQL uses it (`x_bucket` for a histogram's buckets). */
    metric: z.string().regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/, 'must be a Prometheus metric name'),
    /** The app or lib that should register it. */
    owner: z.string().min(1),
    type: z.enum(['counter', 'gauge', 'histogram', 'summary']),
    labels: z.array(z.string()).default([]),
    meaning: z.string().min(1),
  })
  .strict();

export type PendingMetric = z.infer<typeof pendingMetricSchema>;

const pendingFileSchema = z.object({ pending: z.array(pendingMetricSchema) }).strict();

/** Validates the parsed pending-metrics.yml; throws naming each bad entry. */
export function parsePendingMetrics(document: unknown): PendingMetric[] {
  const parsed = pendingFileSchema.safeParse(document);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`pending-metrics.yml is invalid: ${issues}`);
  }
  return parsed.data.pending;
}
