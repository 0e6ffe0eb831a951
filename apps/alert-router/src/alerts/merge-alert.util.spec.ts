import type { Alert } from './alert.model';
import { mergeAlert, mergedAlertOf, receivedAlertOf } from './merge-alert.util';

const now = new Date('2025-01-01T12:00:00Z');
const minutes = (n: number): Date => new Date(now.getTime() + n * 60_000);
const labels = { alertname: 'Down', job: 'api' };
const alertOf = (startsAt: Date, endsAt: Date, updatedAt: Date, timeout: boolean): Alert => ({
  labels,
  annotations: {},
  startsAt,
  endsAt,
  updatedAt,
  timeout,
});

describe(receivedAlertOf.name, () => {
  it('gives an alert without an end now + resolve_timeout (5m by default) and the timeout flag', () => {
    const alert = receivedAlertOf({ labels, startsAt: minutes(-1) }, now);
    expect(alert.endsAt).toEqual(minutes(5));
    expect(alert.timeout).toBe(true);
    expect(alert.updatedAt).toEqual(now);
  });

  it('honours a configured resolve_timeout', () => {
    expect(receivedAlertOf({ labels }, now, 60_000).endsAt).toEqual(minutes(1));
  });

  it('starts an alert without a start now, or at its end when it has one', () => {
    expect(receivedAlertOf({ labels }, now).startsAt).toEqual(now);
    expect(receivedAlertOf({ labels, endsAt: minutes(-2) }, now).startsAt).toEqual(minutes(-2));
  });

  it('keeps a client end time and clears the timeout flag', () => {
    const alert = receivedAlertOf({ labels, startsAt: minutes(-3), endsAt: minutes(-1) }, now);
    expect(alert).toMatchObject({ endsAt: minutes(-1), timeout: false });
  });

  it('measures the resolve timeout from the replayed receipt time when one is given', () => {
    const alert = receivedAlertOf({ labels, updatedAt: minutes(-10) }, now);
    expect(alert).toMatchObject({ updatedAt: minutes(-10), endsAt: minutes(-5) });
  });
});

describe(mergedAlertOf.name, () => {
  // alert/alert_test.go TestAlertMerge: A is always older than B; Merge must be symmetric.
  const cases: ReadonlyArray<readonly [string, Alert, Alert, Alert]> = [
    [
      'both timeouts: start from A, end from B',
      alertOf(minutes(-2), minutes(2), now, true),
      alertOf(minutes(-1), minutes(3), minutes(1), true),
      alertOf(minutes(-2), minutes(3), minutes(1), true),
    ],
    [
      'A timeout, B explicit: start from A, end from B',
      alertOf(minutes(-1), minutes(3), now, true),
      alertOf(now, minutes(2), minutes(1), false),
      alertOf(minutes(-1), minutes(2), minutes(1), false),
    ],
    [
      'A explicit, B timeout: start and end from A',
      alertOf(minutes(-1), minutes(3), now, false),
      alertOf(now, minutes(2), minutes(1), true),
      alertOf(minutes(-1), minutes(3), minutes(1), true),
    ],
    [
      'both explicit and firing, A ends later: start and end from A',
      alertOf(minutes(-1), minutes(3), now, false),
      alertOf(now, minutes(2), minutes(1), false),
      alertOf(minutes(-1), minutes(3), minutes(1), false),
    ],
    [
      'both explicit and firing, B ends later: end from B',
      alertOf(minutes(-1), minutes(3), now, false),
      alertOf(minutes(-1), minutes(4), minutes(1), false),
      alertOf(minutes(-1), minutes(4), minutes(1), false),
    ],
    [
      'A resolved, B firing: start from A, end from B',
      alertOf(minutes(-3), minutes(-1), now, false),
      alertOf(minutes(-2), minutes(1), minutes(1), false),
      alertOf(minutes(-3), minutes(1), minutes(1), false),
    ],
    [
      'B resolved, A firing: the newer resolution wins',
      alertOf(minutes(-2), minutes(3), now, false),
      alertOf(minutes(-2), now, minutes(1), false),
      alertOf(minutes(-2), now, minutes(1), false),
    ],
    [
      'both resolved: start from B, the later end (A) wins',
      alertOf(minutes(-3), minutes(-1), minutes(-1), false),
      alertOf(minutes(-4), minutes(-2), minutes(1), false),
      alertOf(minutes(-4), minutes(-1), minutes(1), false),
    ],
  ];

  it.each(cases)('merges as Alertmanager TestAlertMerge: %s', (_name, a, b, expected) => {
    expect(mergedAlertOf(a, b, now)).toEqual(expected);
    expect(mergedAlertOf(b, a, now)).toEqual(expected);
  });

  it('takes annotations from the younger version', () => {
    const older = { ...alertOf(minutes(-1), minutes(3), now, true), annotations: { summary: 'old' } };
    const younger = {
      ...alertOf(minutes(-1), minutes(4), minutes(1), true),
      annotations: { summary: 'new' },
    };
    expect(mergedAlertOf(younger, older, now).annotations).toEqual({ summary: 'new' });
  });
});

describe(mergeAlert.name, () => {
  it('stores a first alert as received', () => {
    expect(mergeAlert(undefined, { labels }, now)).toEqual(receivedAlertOf({ labels }, now));
  });

  it('extends a firing alert on each repeat post without moving its start', () => {
    const first = mergeAlert(undefined, { labels, startsAt: minutes(-1) }, now);
    const later = new Date(now.getTime() + 60_000);
    const again = mergeAlert(first, { labels, startsAt: minutes(-1) }, later);
    expect(again).toMatchObject({
      startsAt: minutes(-1),
      endsAt: minutes(6),
      updatedAt: later,
      timeout: true,
    });
  });

  it('resolves a firing alert when the client sends an end time', () => {
    const firing = mergeAlert(undefined, { labels, startsAt: minutes(-10) }, minutes(-1));
    const resolved = mergeAlert(firing, { labels, startsAt: minutes(-10), endsAt: now }, now);
    expect(resolved.endsAt).toEqual(now);
    expect(resolved.timeout).toBe(false);
  });

  it('is unchanged by a duplicate delivery of the same post', () => {
    const post = { labels, startsAt: minutes(-2), updatedAt: minutes(-1) };
    const once = mergeAlert(undefined, post, now);
    expect(mergeAlert(once, post, now)).toEqual(once);
  });

  it('does not let an older update replayed late override a newer one', () => {
    const newer = mergeAlert(undefined, { labels, startsAt: minutes(-5), endsAt: minutes(-1) }, now);
    const olderFiring = { labels, startsAt: minutes(-5), updatedAt: minutes(-3) };
    expect(mergeAlert(newer, olderFiring, now)).toEqual(newer);
  });

  it('does not let an older overlapping update undo a newer resolution', () => {
    const firing = mergeAlert(undefined, { labels, startsAt: minutes(-10), updatedAt: minutes(-4) }, now);
    const resolved = mergeAlert(
      firing,
      { labels, startsAt: minutes(-10), endsAt: minutes(-2), updatedAt: minutes(-2) },
      now,
    );
    const replay = mergeAlert(resolved, { labels, startsAt: minutes(-10), updatedAt: minutes(-4) }, now);
    expect(replay.endsAt).toEqual(minutes(-2));
  });

  it('replaces a resolved alert when the same labels fire again later, as a new episode', () => {
    const resolved = mergeAlert(
      undefined,
      { labels, startsAt: minutes(-30), endsAt: minutes(-20) },
      minutes(-20),
    );
    const refired = mergeAlert(resolved, { labels, startsAt: minutes(-1) }, now);
    expect(refired).toMatchObject({ startsAt: minutes(-1), endsAt: minutes(5) });
  });

  it('rejects an update for a different label set', () => {
    const stored = mergeAlert(undefined, { labels }, now);
    expect(() => mergeAlert(stored, { labels: { alertname: 'Other' } }, now)).toThrow(/different labels/);
  });
});
