import type { z } from 'zod';
import { ceremonySchema, ceremonyStepSchema } from './ceremony.schema';

const issuesOf = (result: z.SafeParseReturnType<unknown, unknown>) =>
  result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];

const ceremony = {
  steps: [
    { kind: 'pause', durationMs: 800 },
    { kind: 'text', text: 'You kept your word.', durationMs: 3000 },
    { kind: 'reveal', text: 'The Covenant opens' },
    { kind: 'interpretation', fallbackText: 'Your path is your own.' },
  ],
};

describe('ceremonySchema', () => {
  it('accepts ordered steps of every kind and keeps their order', () => {
    expect(ceremonySchema.parse(ceremony)).toEqual(ceremony);
  });

  it('requires at least one step', () => {
    expect(issuesOf(ceremonySchema.safeParse({ steps: [] }))).toEqual([
      'steps: Array must contain at least 1 element(s)',
    ]);
  });

  it('allows one interpretation step only, since the oracle writes one per wallet and unlock', () => {
    const twice = { steps: [...ceremony.steps, { kind: 'interpretation', fallbackText: 'Again.' }] };
    expect(issuesOf(ceremonySchema.safeParse(twice))).toEqual([
      'steps.4: only one interpretation step is allowed',
    ]);
  });

  it('rejects unknown top-level fields', () => {
    expect(ceremonySchema.safeParse({ ...ceremony, music: 'organ' }).success).toBe(false);
  });
});

describe('ceremonyStepSchema', () => {
  it('requires a fallback text on the interpretation step and takes no text of its own', () => {
    expect(issuesOf(ceremonyStepSchema.safeParse({ kind: 'interpretation' }))).toEqual([
      'fallbackText: Required',
    ]);
    expect(
      ceremonyStepSchema.safeParse({ kind: 'interpretation', fallbackText: 'x', text: 'from the oracle' })
        .success,
    ).toBe(false);
  });

  it('requires a text on a text step and a duration on a pause', () => {
    expect(issuesOf(ceremonyStepSchema.safeParse({ kind: 'text' }))).toEqual(['text: Required']);
    expect(issuesOf(ceremonyStepSchema.safeParse({ kind: 'pause' }))).toEqual(['durationMs: Required']);
  });

  it('lets a reveal go without text', () => {
    expect(ceremonyStepSchema.parse({ kind: 'reveal' })).toEqual({ kind: 'reveal' });
  });

  it('rejects blank texts and durations that are not whole positive milliseconds up to a minute', () => {
    expect(issuesOf(ceremonyStepSchema.safeParse({ kind: 'text', text: '  \n' }))).toEqual([
      'text: must not be blank',
    ]);
    for (const durationMs of [0, -1, 1.5, 60_001]) {
      expect(ceremonyStepSchema.safeParse({ kind: 'pause', durationMs }).success).toBe(false);
    }
    expect(ceremonyStepSchema.safeParse({ kind: 'pause', durationMs: 60_000 }).success).toBe(true);
  });

  it('rejects an unknown kind', () => {
    expect(ceremonyStepSchema.safeParse({ kind: 'fireworks' }).success).toBe(false);
  });
});
