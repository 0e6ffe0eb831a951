import { z } from 'zod';
import { matcherOf } from '../routing/matcher.util';
import type { Matcher } from '../routing/matcher.model';
import type { Silence, SilenceDraft } from '../silences/silence.model';

const matcherSchema = z.object({
  name: z.string().min(1),
  value: z.string(),
  isRegex: z.boolean(),
  isEqual: z.boolean().default(true),
});

/** Alertmanager's `postableSilence` (API v2). */
export const postableSilenceSchema = z.object({
  id: z.string().min(1).optional(),
  matchers: z.array(matcherSchema).min(1, 'at least one matcher required'),
  startsAt: z.string().datetime({ offset: true }),
  endsAt: z.string().datetime({ offset: true }),
  createdBy: z.string().min(1),
  comment: z.string().min(1),
});

export type PostableSilence = z.infer<typeof postableSilenceSchema>;

export function silenceDraftOf(body: PostableSilence): SilenceDraft {
  return {
    matchers: body.matchers.map((m) =>
      matcherOf(m.isRegex ? (m.isEqual ? '=~' : '!~') : m.isEqual ? '=' : '!=', m.name, m.value),
    ),
    startsAt: new Date(body.startsAt),
    endsAt: new Date(body.endsAt),
    createdBy: body.createdBy,
    comment: body.comment,
  };
}

/** The API's matcher form of a stored matcher. */
export function apiMatcherOf(m: Matcher) {
  return {
    name: m.name,
    value: m.value,
    isRegex: m.type === '=~' || m.type === '!~',
    isEqual: m.type === '=' || m.type === '=~',
  };
}

export function gettableSilenceOf(s: Silence, state: string) {
  return {
    id: s.id,
    matchers: s.matchers.map(apiMatcherOf),
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
    createdBy: s.createdBy,
    comment: s.comment,
    status: { state },
  };
}
