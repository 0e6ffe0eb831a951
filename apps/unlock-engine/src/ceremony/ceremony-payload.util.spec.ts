import type { Ceremony } from '../requirements/ceremony.schema';
import { interpretationWaitMs, playedStepsOf } from './ceremony-payload.util';

const ceremony: Ceremony = {
  steps: [
    { kind: 'pause', durationMs: 500 },
    { kind: 'text', text: 'You held the line.' },
    { kind: 'interpretation', fallbackText: 'Your path is your own.', durationMs: 3_000 },
  ],
};

describe(playedStepsOf.name, () => {
  it("plays the oracle's interpretation when it arrived", () => {
    expect(playedStepsOf(ceremony, { text: 'A steady hand.', source: 'claude', model: 'x' })).toEqual([
      { index: 0, kind: 'pause', durationMs: 500 },
      { index: 1, kind: 'text', text: 'You held the line.' },
      {
        index: 2,
        kind: 'interpretation',
        text: 'A steady hand.',
        origin: 'oracle',
        oracleSource: 'claude',
        durationMs: 3_000,
      },
    ]);
  });

  it('plays the fallback text when none arrived', () => {
    expect(playedStepsOf(ceremony, undefined)[2]).toEqual({
      index: 2,
      kind: 'interpretation',
      text: 'Your path is your own.',
      origin: 'fallback',
      durationMs: 3_000,
    });
  });
});

describe(interpretationWaitMs.name, () => {
  const achievedAt = new Date('2026-01-01T00:00:00Z');

  it('waits until the timeout after the achievement, never less than zero', () => {
    expect(interpretationWaitMs(ceremony, achievedAt, 5_000, new Date('2026-01-01T00:00:02Z'))).toBe(3_000);
    expect(interpretationWaitMs(ceremony, achievedAt, 5_000, new Date('2026-01-01T00:01:00Z'))).toBe(0);
  });

  it('does not wait for a ceremony without an interpretation step', () => {
    expect(interpretationWaitMs({ steps: [{ kind: 'reveal' }] }, achievedAt, 5_000, achievedAt)).toBe(0);
  });
});
