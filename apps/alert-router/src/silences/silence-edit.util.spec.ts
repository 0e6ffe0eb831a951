import { matcherOf } from '../routing/matcher.util';
import { InvalidSilenceError } from './invalid-silence.error';
import type { Silence } from './silence.model';
import { canUpdateInPlace, createSilence, editSilence, expireSilence } from './silence-edit.util';

const now = new Date('2025-01-01T12:00:00Z');
const at = (ms: number): Date => new Date(now.getTime() + ms);
const HOUR = 3_600_000;
const MINUTE = 60_000;
const matchers = [matcherOf('=', 'a', 'b')];
const silenceOf = (startsAt: Date, endsAt: Date, id = 'old'): Silence => ({
  id,
  matchers,
  startsAt,
  endsAt,
  createdBy: 'ana',
  comment: 'maintenance',
  updatedAt: at(-HOUR),
});

describe(createSilence.name, () => {
  it('starts a silence without a start now, and one with a past start now', () => {
    expect(
      createSilence({ matchers, endsAt: at(HOUR), createdBy: 'ana', comment: '' }, now, 'id-1'),
    ).toMatchObject({
      id: 'id-1',
      startsAt: now,
      updatedAt: now,
    });
    expect(
      createSilence(
        { matchers, startsAt: at(-HOUR), endsAt: at(HOUR), createdBy: 'ana', comment: '' },
        now,
        'x',
      ).startsAt,
    ).toEqual(now);
  });

  it('keeps a future start', () => {
    expect(
      createSilence(
        { matchers, startsAt: at(HOUR), endsAt: at(2 * HOUR), createdBy: 'a', comment: '' },
        now,
        'x',
      ).startsAt,
    ).toEqual(at(HOUR));
  });

  it('rejects an invalid silence with every problem', () => {
    const create = () =>
      createSilence({ matchers: [], endsAt: at(-HOUR), createdBy: 'a', comment: '' }, now, 'x');
    expect(create).toThrow(InvalidSilenceError);
    expect(create).toThrow('at least one matcher required; end time must not be before start time');
  });
});

describe(canUpdateInPlace.name, () => {
  // silence/silence_test.go TestSilenceCanUpdate.
  it.each([
    ['expired silence', silenceOf(at(-HOUR), at(-1000)), { startsAt: now, endsAt: now }, false],
    [
      'pending, new start in the past',
      silenceOf(at(HOUR), at(2 * HOUR)),
      { startsAt: at(-MINUTE), endsAt: at(HOUR) },
      false,
    ],
    [
      'pending, new start in the future',
      silenceOf(at(HOUR), at(2 * HOUR)),
      { startsAt: at(MINUTE), endsAt: at(MINUTE) },
      true,
    ],
    [
      'pending, new start now',
      silenceOf(at(HOUR), at(2 * HOUR)),
      { startsAt: now, endsAt: at(2 * HOUR) },
      true,
    ],
    [
      'active, start moved',
      silenceOf(at(-HOUR), at(2 * HOUR)),
      { startsAt: at(-2 * HOUR), endsAt: at(2 * HOUR) },
      false,
    ],
    [
      'active, end in the past',
      silenceOf(at(-HOUR), at(2 * HOUR)),
      { startsAt: at(-HOUR), endsAt: at(-1000) },
      false,
    ],
    ['active, end now', silenceOf(at(-HOUR), at(2 * HOUR)), { startsAt: at(-HOUR), endsAt: now }, true],
    [
      'active, end extended',
      silenceOf(at(-HOUR), at(2 * HOUR)),
      { startsAt: at(-HOUR), endsAt: at(3 * HOUR) },
      true,
    ],
  ])('decides like Alertmanager for %s', (_case, existing, times, expected) => {
    expect(canUpdateInPlace(existing, { ...existing, ...times }, now)).toBe(expected);
  });

  it('compares the start of an active silence to the second', () => {
    const existing = silenceOf(new Date(now.getTime() - HOUR + 100), at(HOUR));
    expect(
      canUpdateInPlace(existing, { ...existing, startsAt: new Date(now.getTime() - HOUR + 900) }, now),
    ).toBe(true);
  });

  it('never updates in place when the matchers change, even for a pending silence', () => {
    const existing = silenceOf(at(HOUR), at(2 * HOUR));
    expect(canUpdateInPlace(existing, { ...existing, matchers: [matcherOf('=', 'a', 'c')] }, now)).toBe(
      false,
    );
  });
});

describe(editSilence.name, () => {
  it('updates an active silence in place when only its end and comment change', () => {
    const edit = editSilence(
      silenceOf(at(-HOUR), at(HOUR)),
      { endsAt: at(3 * HOUR), comment: 'longer' },
      now,
      'new',
    );
    expect(edit).toEqual({
      kind: 'updated',
      silence: { ...silenceOf(at(-HOUR), at(3 * HOUR)), comment: 'longer', updatedAt: now },
    });
  });

  it('expires an active silence whose matchers change and creates a new id', () => {
    const edit = editSilence(
      silenceOf(at(-HOUR), at(HOUR)),
      { matchers: [matcherOf('=', 'a', 'c')] },
      now,
      'new',
    );
    expect(edit).toEqual({
      kind: 'replaced',
      silence: { ...silenceOf(now, at(HOUR), 'new'), matchers: [matcherOf('=', 'a', 'c')], updatedAt: now },
      expired: { ...silenceOf(at(-HOUR), now), updatedAt: now },
    });
  });

  it('expires an active silence whose start changes and starts the new one no earlier than now', () => {
    const edit = editSilence(silenceOf(at(-HOUR), at(HOUR)), { startsAt: at(-2 * HOUR) }, now, 'new');
    expect(edit.kind).toBe('replaced');
    expect(edit.silence).toMatchObject({ id: 'new', startsAt: now, endsAt: at(HOUR) });
  });

  it('updates a pending silence in place, including its start', () => {
    const edit = editSilence(silenceOf(at(HOUR), at(2 * HOUR)), { startsAt: at(30 * MINUTE) }, now, 'new');
    expect(edit).toMatchObject({ kind: 'updated', silence: { id: 'old', startsAt: at(30 * MINUTE) } });
  });

  it('replaces a pending silence whose matchers change, expiring it with start = end = now', () => {
    const edit = editSilence(
      silenceOf(at(HOUR), at(2 * HOUR)),
      { matchers: [matcherOf('=', 'a', 'c')] },
      now,
      'new',
    );
    expect(edit).toMatchObject({
      kind: 'replaced',
      expired: { id: 'old', startsAt: now, endsAt: now },
      silence: { id: 'new' },
    });
  });

  it('does not edit an expired silence: it stays untouched and a new silence is created (issue #2426)', () => {
    const expired = silenceOf(at(-2 * HOUR), at(-HOUR));
    const edit = editSilence(expired, { startsAt: at(HOUR), endsAt: at(3 * HOUR) }, now, 'new');
    expect(edit).toEqual({
      kind: 'recreated',
      silence: { ...silenceOf(at(HOUR), at(3 * HOUR), 'new'), updatedAt: now },
    });
  });

  it('rejects an edit that makes the silence invalid', () => {
    expect(() =>
      editSilence(silenceOf(at(-HOUR), at(HOUR)), { matchers: [matcherOf('=~', 'a', '.*')] }, now, 'new'),
    ).toThrow('at least one matcher must not match the empty string');
  });
});

describe(expireSilence.name, () => {
  // silence/silence_test.go TestSilenceExpire.
  it('ends an active silence now', () => {
    expect(expireSilence(silenceOf(at(-MINUTE), at(HOUR)), now)).toEqual({
      ...silenceOf(at(-MINUTE), now),
      updatedAt: now,
    });
  });

  it('sets both start and end of a pending silence to now', () => {
    expect(expireSilence(silenceOf(at(MINUTE), at(HOUR)), now)).toEqual({
      ...silenceOf(now, now),
      updatedAt: now,
    });
  });

  it('leaves an expired silence unchanged', () => {
    const expired = silenceOf(at(-HOUR), at(-MINUTE));
    expect(expireSilence(expired, now)).toBe(expired);
  });
});
