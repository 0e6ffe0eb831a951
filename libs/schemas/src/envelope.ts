import { z } from 'zod';
import { isoTimeSchema } from './json-value';

/** `<domain>.<name>[.<more>].v<N>`: the version is part of the type, a breaking change is a new type. */
export const EVENT_TYPE_PATTERN = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+\.v[1-9][0-9]*$/;

/** The shape every Kafka message value has, whatever its topic. `data` is checked by the topic's schema. */
export const envelopeSchema = z.object({
  id: z.string().min(1).max(512),
  type: z.string().regex(EVENT_TYPE_PATTERN, 'must look like "domain.name.v1"'),
  source: z.string().min(1).max(128),
  time: isoTimeSchema,
  subject: z.string().min(1).max(512).optional(),
  data: z.unknown(),
});

export type Envelope<TData = unknown> = Omit<z.infer<typeof envelopeSchema>, 'data'> & { data: TData };
