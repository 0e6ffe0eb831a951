import { z } from 'zod';

// A minute per step: long enough for any animation, short enough that a typo cannot stall a frontend.
const MAX_STEP_MS = 60_000;
const MAX_TEXT_LENGTH = 2_000;
const MAX_STEPS = 20;

const textSchema = z.string().max(MAX_TEXT_LENGTH).regex(/\S/, 'must not be blank');

const durationMsSchema = z.number().int().positive().max(MAX_STEP_MS);

const textStepSchema = z
  .object({ kind: z.literal('text'), text: textSchema, durationMs: durationMsSchema.optional() })
  .strict();

// The unlock itself appears; the text, if any, is shown with it.
const revealStepSchema = z
  .object({ kind: z.literal('reveal'), text: textSchema.optional(), durationMs: durationMsSchema.optional() })
  .strict();

// The oracle writes the text per wallet; `fallbackText` plays when none arrived in time.
const interpretationStepSchema = z
  .object({
    kind: z.literal('interpretation'),
    fallbackText: textSchema,
    durationMs: durationMsSchema.optional(),
  })
  .strict();

const pauseStepSchema = z.object({ kind: z.literal('pause'), durationMs: durationMsSchema }).strict();

/** One step the frontend plays: a text, the reveal, the interpretation or a pause. */
export const ceremonyStepSchema = z.discriminatedUnion('kind', [
  textStepSchema,
  revealStepSchema,
  interpretationStepSchema,
  pauseStepSchema,
]);

/**
 * The ceremony an unlock definition carries: ordered steps, at most one of them the interpretation
 * (the oracle writes one per wallet and unlock).
 *
 * @example
 * ceremonySchema.parse({ steps: [
 *   { kind: 'pause', durationMs: 800 },
 *   { kind: 'reveal', text: 'The Covenant opens' },
 *   { kind: 'interpretation', fallbackText: 'Your path is your own.' },
 * ] })
 */
export const ceremonySchema = z
  .object({ steps: z.array(ceremonyStepSchema).min(1).max(MAX_STEPS) })
  .strict()
  .superRefine(({ steps }, ctx) => {
    const first = steps.findIndex((step) => step.kind === 'interpretation');
    steps.forEach((step, index) => {
      if (step.kind === 'interpretation' && index > first) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', index],
          message: 'only one interpretation step is allowed',
        });
      }
    });
  });

export type CeremonyStep = z.infer<typeof ceremonyStepSchema>;
export type Ceremony = z.infer<typeof ceremonySchema>;
