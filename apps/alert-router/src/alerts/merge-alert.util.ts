import { type Alert, DEFAULT_RESOLVE_TIMEOUT_MS, type IncomingAlert } from './alert.model';
import { isResolved } from './alert.util';
import { copyLabels, fingerprintOf } from './fingerprint.util';

/**
 * The stored form of a posted alert, as Alertmanager's API normalises it: received now (unless a
 * replay says when), starting now or at its end if it has no start, and — without an end — ending
 * `resolveTimeout` after receipt with the `timeout` flag, so silence from the client resolves it.
 *
 * @example
 * receivedAlertOf({ labels: { alertname: 'Down' } }, now) // endsAt = now + 5m, timeout: true
 */
export function receivedAlertOf(
  incoming: IncomingAlert,
  now: Date,
  resolveTimeoutMs: number = DEFAULT_RESOLVE_TIMEOUT_MS,
): Alert {
  const receivedAt = incoming.updatedAt ?? now;
  const alert: Alert = {
    labels: copyLabels(incoming.labels),
    annotations: { ...incoming.annotations },
    startsAt: incoming.startsAt ?? incoming.endsAt ?? receivedAt,
    endsAt: incoming.endsAt ?? new Date(receivedAt.getTime() + resolveTimeoutMs),
    updatedAt: receivedAt,
    timeout: incoming.endsAt === undefined,
  };
  return incoming.generatorURL === undefined ? alert : { ...alert, generatorURL: incoming.generatorURL };
}

/**
 * Two versions of one alert merged by Alertmanager's `Alert.Merge`: the younger (by `updatedAt`)
 * wins, with the earliest start, and its end unless the older one ends later — and, while the
 * younger is firing, the older end is not a resolve-timeout guess; while both are resolved, the
 * later end wins. Symmetric in its arguments unless their `updatedAt` ties (then `b` is younger).
 *
 * @example
 * mergedAlertOf(stored, received, now)
 */
export function mergedAlertOf(a: Alert, b: Alert, now: Date): Alert {
  const [older, younger] = b.updatedAt.getTime() < a.updatedAt.getTime() ? [b, a] : [a, b];
  let merged: Alert = younger;
  if (older.startsAt.getTime() < younger.startsAt.getTime()) merged = { ...merged, startsAt: older.startsAt };
  const olderEndsLater = timeOf(older.endsAt) > timeOf(younger.endsAt);
  const keepOlderEnd = isResolved(younger, now)
    ? isResolved(older, now) && olderEndsLater
    : olderEndsLater && older.timeout !== true;
  return keepOlderEnd ? { ...merged, endsAt: older.endsAt } : merged;
}

/**
 * The alert to store after `incoming` arrives for `existing` (same labels), by Alertmanager's API
 * and `provider/mem.Put`: normalise it (see `receivedAlertOf`); if its active range overlaps the
 * stored one, merge them (see `mergedAlertOf`), otherwise it replaces the stored one — unless it
 * is an older update replayed late, which never overrides a newer one.
 *
 * @example
 * store.set(fp, mergeAlert(store.get(fp), posted, clock()))
 */
export function mergeAlert(
  existing: Alert | undefined,
  incoming: IncomingAlert,
  now: Date,
  resolveTimeoutMs: number = DEFAULT_RESOLVE_TIMEOUT_MS,
): Alert {
  const received = receivedAlertOf(incoming, now, resolveTimeoutMs);
  if (existing === undefined) return received;
  if (fingerprintOf(existing.labels) !== fingerprintOf(received.labels)) {
    throw new Error('mergeAlert: the incoming alert has different labels from the existing one');
  }
  const starts = received.startsAt.getTime();
  const ends = timeOf(received.endsAt);
  const oldStarts = existing.startsAt.getTime();
  const oldEnds = timeOf(existing.endsAt);
  const overlaps = (ends > oldStarts && ends < oldEnds) || (starts > oldStarts && starts < oldEnds);
  if (overlaps) return mergedAlertOf(existing, received, now);
  return received.updatedAt.getTime() < existing.updatedAt.getTime() ? existing : received;
}

// Go's zero time.Time sorts before every real time; an absent end plays that role here.
function timeOf(date: Date | undefined): number {
  return date === undefined ? Number.NEGATIVE_INFINITY : date.getTime();
}
