import { BadRequestException } from '@nestjs/common';
import type { z } from 'zod';

/**
 * The input parsed by a zod schema, or a 400 problem whose `errors` name each bad field — the one
 * way services validate request bodies and queries.
 *
 * @example
 * const alerts = parseOrBadRequest(postableAlertsSchema, body, 'invalid alerts');
 */
export function parseOrBadRequest<T extends z.ZodTypeAny>(
  schema: T,
  input: unknown,
  title: string,
): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
  throw new BadRequestException({
    title,
    detail: errors.map((e) => `${e.field || '(body)'}: ${e.message}`).join('; '),
    errors,
  });
}
