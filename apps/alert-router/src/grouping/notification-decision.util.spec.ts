import { notificationLogEntryOf, shouldNotify } from './notification-decision.util';
import type { NotificationLogEntry } from './notification-log.model';

const now = new Date('2025-01-01T12:00:00Z');
const HOUR = 3_600_000;
const REPEAT = 4 * HOUR;
const ago = (ms: number): Date => new Date(now.getTime() - ms);
const set = (...fingerprints: string[]): ReadonlySet<string> => new Set(fingerprints);
const entry = (firing: string[], resolved: string[], timestamp: Date = ago(HOUR)): NotificationLogEntry =>
  notificationLogEntryOf(firing, resolved, timestamp, REPEAT);

describe(shouldNotify.name, () => {
  // notify/notify_test.go TestDedupStageNeedsUpdate, case for case (repeat 10m).
  const MIN = 60_000;
  const GO_ZERO_TIME = new Date('0001-01-01T00:00:00Z');
  const logged = (firing: string[], resolved: string[], timestamp: Date): NotificationLogEntry => ({
    firing,
    resolved,
    timestamp,
    expiresAt: now,
  });
  it.each([
    ['no entry, firing alerts', undefined, ['2', '3', '4'], [], false, true],
    ['no entry, only resolved alerts', undefined, [], ['2', '3', '4'], false, false],
    ['different firing sets', logged(['1', '2', '3'], [], GO_ZERO_TIME), ['2', '3', '4'], [], false, true],
    ['zero timestamp', logged(['1', '2', '3'], [], GO_ZERO_TIME), ['1', '2', '3'], [], false, true],
    ['identical before repeat', logged(['1', '2', '3'], [], ago(9 * MIN)), ['1', '2', '3'], [], false, false],
    ['identical after repeat', logged(['1', '2', '3'], [], ago(11 * MIN)), ['1', '2', '3'], [], false, true],
    [
      'resolved-only sets after repeat',
      logged([], ['1', '2', '3'], ago(11 * MIN)),
      [],
      ['3', '4', '5'],
      true,
      false,
    ],
    [
      'new resolved, send_resolved off',
      logged(['1', '2'], ['3'], ago(9 * MIN)),
      ['1'],
      ['2', '3'],
      false,
      false,
    ],
    [
      'new resolved, send_resolved on',
      logged(['1', '2'], ['3'], ago(9 * MIN)),
      ['1'],
      ['2', '3'],
      true,
      true,
    ],
    [
      'nothing firing, send_resolved off',
      logged(['1', '2'], ['3'], ago(9 * MIN)),
      [],
      ['1', '2', '3'],
      false,
      true,
    ],
    [
      'nothing firing, send_resolved on',
      logged(['1', '2'], ['3'], ago(9 * MIN)),
      [],
      ['1', '2', '3'],
      true,
      true,
    ],
  ] as const)(
    'decides like Alertmanager for %s',
    (_case, previous, firing, resolved, sendResolved, notify) => {
      expect(
        shouldNotify(previous, new Set(firing), new Set(resolved), sendResolved, 10 * MIN, now).notify,
      ).toBe(notify);
    },
  );

  it('notifies a group that was never notified and has firing alerts', () => {
    expect(shouldNotify(undefined, set('1', '2', '3'), set(), false, REPEAT, now)).toEqual({
      notify: true,
      reason: 'first-notification',
    });
  });

  it('does not notify a never-notified group that only has resolved alerts', () => {
    expect(shouldNotify(undefined, set(), set('1'), true, REPEAT, now)).toEqual({
      notify: false,
      reason: 'none',
    });
  });

  it('notifies when an alert fires that was not firing last time', () => {
    expect(
      shouldNotify(entry(['1', '2', '3'], []), set('1', '2', '3', '4'), set(), false, REPEAT, now).reason,
    ).toBe('new-alerts');
  });

  it('treats new firing alerts after an all-resolved notification as a first notification', () => {
    expect(shouldNotify(entry([], ['1']), set('2'), set(), false, REPEAT, now).reason).toBe(
      'first-notification',
    );
  });

  it('stays quiet when the firing alerts are a subset of last time and the repeat interval has not passed', () => {
    expect(shouldNotify(entry(['1', '2', '3'], []), set('1', '2'), set('3'), false, REPEAT, now)).toEqual({
      notify: false,
      reason: 'none',
    });
  });

  it('notifies newly resolved alerts only with send_resolved', () => {
    const previous = entry(['1', '2', '3'], []);
    expect(shouldNotify(previous, set('1', '2'), set('3'), true, REPEAT, now).reason).toBe('new-resolved');
    expect(shouldNotify(previous, set('1', '2'), set('3'), false, REPEAT, now).reason).toBe('none');
  });

  it('does not re-notify resolved alerts that were already logged as resolved', () => {
    expect(shouldNotify(entry(['1', '2'], ['3']), set('1', '2'), set('3'), true, REPEAT, now).reason).toBe(
      'none',
    );
  });

  it('notifies when everything resolved even without send_resolved, so the log is cleared', () => {
    expect(shouldNotify(entry(['1', '2'], []), set(), set('1', '2'), false, REPEAT, now)).toEqual({
      notify: true,
      reason: 'all-resolved',
    });
  });

  it('does not notify alerts that fired and resolved between two notifications', () => {
    expect(shouldNotify(entry([], ['1']), set(), set('2'), true, REPEAT, now).reason).toBe('none');
  });

  it('repeats an unchanged notification only after more than repeat_interval', () => {
    const firing = set('1', '2');
    expect(
      shouldNotify(entry(['1', '2'], [], ago(REPEAT - 1)), firing, set(), false, REPEAT, now).reason,
    ).toBe('none');
    expect(shouldNotify(entry(['1', '2'], [], ago(REPEAT)), firing, set(), false, REPEAT, now).reason).toBe(
      'none',
    );
    expect(shouldNotify(entry(['1', '2'], [], ago(REPEAT + 1)), firing, set(), false, REPEAT, now)).toEqual({
      notify: true,
      reason: 'repeat-interval-elapsed',
    });
  });
});

describe(notificationLogEntryOf.name, () => {
  it('stores sorted, de-duplicated fingerprint sets and the notification time', () => {
    expect(notificationLogEntryOf(['b', 'a', 'b'], new Set(['c']), now, REPEAT)).toMatchObject({
      firing: ['a', 'b'],
      resolved: ['c'],
      timestamp: now,
    });
  });

  it('expires after twice the repeat interval, capped by the retention (120h by default)', () => {
    expect(notificationLogEntryOf([], [], now, REPEAT).expiresAt).toEqual(
      new Date(now.getTime() + 2 * REPEAT),
    );
    expect(notificationLogEntryOf([], [], now, 100 * HOUR).expiresAt).toEqual(
      new Date(now.getTime() + 120 * HOUR),
    );
  });

  it('round-trips through shouldNotify: the same content right after is not notified again', () => {
    const logged = notificationLogEntryOf(set('1'), set(), now, REPEAT);
    expect(shouldNotify(logged, set('1'), set(), true, REPEAT, now).notify).toBe(false);
  });
});
