import { matcherOf } from '../routing/matcher.util';
import type { Silence } from './silence.model';
import { isSilenced, silenceState, silencingIdsOf } from './silence-state.util';

const now = new Date('2025-01-01T12:00:00Z');
const minutes = (n: number): Date => new Date(now.getTime() + n * 60_000);
const silenceOf = (id: string, startsAt: Date, endsAt: Date, pattern = 'bar'): Silence => ({
  id,
  matchers: [matcherOf('=', 'foo', pattern)],
  startsAt,
  endsAt,
  createdBy: 'test',
  comment: '',
  updatedAt: minutes(-120),
});

describe(silenceState.name, () => {
  it('is pending before the start, active from start to end inclusive, expired after the end', () => {
    const silence = silenceOf('s', minutes(-1), minutes(1));
    expect(silenceState(silence, minutes(-2))).toBe('pending');
    expect(silenceState(silence, minutes(-1))).toBe('active');
    expect(silenceState(silence, minutes(1))).toBe('active');
    expect(silenceState(silence, new Date(minutes(1).getTime() + 1))).toBe('expired');
  });
});

describe(silencingIdsOf.name, () => {
  it('lists the active silences whose matchers all match, in input order', () => {
    const silences = [
      silenceOf('other-value', minutes(-60), minutes(5), 'baz'),
      silenceOf('first', minutes(-60), minutes(5)),
      silenceOf('pending', minutes(60), minutes(180)),
      silenceOf('expired', minutes(-60), minutes(-1)),
      silenceOf('second', minutes(-1), minutes(1)),
    ];
    expect(silencingIdsOf({ foo: 'bar' }, silences, now)).toEqual(['first', 'second']);
  });

  it('matches a missing label as "" like every other matcher', () => {
    const silence = {
      ...silenceOf('s', minutes(-1), minutes(1)),
      matchers: [matcherOf('=', 'a', '1'), matcherOf('!=', 'b', '2')],
    };
    expect(silencingIdsOf({ a: '1' }, [silence], now)).toEqual(['s']);
  });
});

describe(isSilenced.name, () => {
  // silence/silence_test.go TestSilencer, with the clock moved by hand.
  it('follows a silence through expiry, a future restart and an overlapping successor', () => {
    const first = silenceOf('first', minutes(-60), minutes(5));
    expect(isSilenced({ foo: 'bar' }, [], now)).toBe(false);
    expect(isSilenced({ foo: 'bar' }, [silenceOf('no-match', minutes(-60), minutes(5), 'baz')], now)).toBe(
      false,
    );
    expect(isSilenced({ foo: 'bar' }, [first], now)).toBe(true);
    expect(isSilenced({ foo: 'bar' }, [first], minutes(60))).toBe(false);
    const restarted = silenceOf('restarted', minutes(120), minutes(240));
    expect(isSilenced({ foo: 'bar' }, [first, restarted], minutes(60))).toBe(false);
    expect(isSilenced({ foo: 'bar' }, [first, restarted], minutes(180))).toBe(true);
    const successor = {
      ...silenceOf('successor', minutes(240), minutes(360)),
      matchers: [matcherOf('=~', 'foo', 'b..')],
    };
    expect(isSilenced({ foo: 'bar' }, [first, restarted, successor], minutes(300))).toBe(true);
  });
});
