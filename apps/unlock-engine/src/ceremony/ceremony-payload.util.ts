import type { Ceremony } from '../requirements/ceremony.schema';

/** The oracle's interpretation as stored. */
export interface Interpretation {
  readonly text: string;
  readonly source: string;
  readonly model: string | null;
}

/** One step as the frontend plays it, texts resolved. */
export type PlayedStep =
  | { readonly index: number; readonly kind: 'text'; readonly text: string; readonly durationMs?: number }
  | { readonly index: number; readonly kind: 'reveal'; readonly text?: string; readonly durationMs?: number }
  | { readonly index: number; readonly kind: 'pause'; readonly durationMs: number }
  | {
      readonly index: number;
      readonly kind: 'interpretation';
      readonly text: string;
      /** `oracle` when the oracle's text arrived in time, `fallback` when the definition's text is played. */
      readonly origin: 'oracle' | 'fallback';
      /** The oracle's own source (claude, fallback, cache) when it answered. */
      readonly oracleSource?: string;
      readonly durationMs?: number;
    };

export interface CeremonyPayload {
  readonly unlockId: string;
  readonly version: number;
  readonly title: string;
  readonly wallet: string;
  readonly achievedAt: string;
  readonly provisional: boolean;
  readonly steps: readonly PlayedStep[];
}

/**
 * The steps a frontend plays, in order, with the interpretation step holding the oracle's text or,
 * when none arrived in time, the definition's fallback text.
 *
 * @example
 * playedStepsOf({ steps: [{ kind: 'interpretation', fallbackText: 'Your path is your own.' }] }, undefined)
 * // [{ index: 0, kind: 'interpretation', text: 'Your path is your own.', origin: 'fallback' }]
 */
export function playedStepsOf(ceremony: Ceremony, interpretation: Interpretation | undefined): PlayedStep[] {
  return ceremony.steps.map((step, index): PlayedStep => {
    switch (step.kind) {
      case 'text':
        return { index, ...step };
      case 'reveal':
        return { index, ...step };
      case 'pause':
        return { index, ...step };
      case 'interpretation': {
        const { fallbackText, ...rest } = step;
        return interpretation
          ? {
              index,
              ...rest,
              text: interpretation.text,
              origin: 'oracle',
              oracleSource: interpretation.source,
            }
          : { index, ...rest, text: fallbackText, origin: 'fallback' };
      }
    }
  });
}

/**
 * How long a ceremony request may still wait for the interpretation: until `timeoutMs` after the
 * achievement, never negative; 0 when the ceremony has no interpretation step.
 *
 * @example
 * interpretationWaitMs(ceremony, new Date('2026-01-01T00:00:00Z'), 5_000, new Date('2026-01-01T00:00:02Z')) // 3000
 */
export function interpretationWaitMs(
  ceremony: Ceremony,
  achievedAt: Date,
  timeoutMs: number,
  now: Date,
): number {
  if (!ceremony.steps.some((step) => step.kind === 'interpretation')) return 0;
  return Math.max(0, achievedAt.getTime() + timeoutMs - now.getTime());
}
