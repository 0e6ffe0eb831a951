import type { Fingerprint } from '../alerts/alert.model';
import { compareGoStrings } from '../alerts/go-string.util';
import {
  DEFAULT_NOTIFICATION_LOG_RETENTION_MS,
  type NotificationLogEntry,
  type NotifyDecision,
  type NotifyReason,
} from './notification-log.model';

/**
 * Whether a flushed group needs a notification, exactly Alertmanager's DedupStage `needsUpdate`:
 * - never notified (or last told all was resolved) and something fires → first notification;
 * - an alert fires that was not firing last time → new alerts;
 * - nothing fires any more but something did last time → all resolved (even without send_resolved,
 *   so the log is cleared; the sender then drops resolved alerts);
 * - with send_resolved, an alert resolved that was not resolved last time → new resolved;
 * - otherwise only once `repeatIntervalMs` has passed since the last notification.
 *
 * @example
 * shouldNotify(entry, batch.firing, batch.resolved, true, route.repeatIntervalMs, now) // { notify: true, reason: 'new-alerts' }
 */
export function shouldNotify(
  previous: NotificationLogEntry | undefined,
  firing: ReadonlySet<Fingerprint>,
  resolved: ReadonlySet<Fingerprint>,
  sendResolved: boolean,
  repeatIntervalMs: number,
  now: Date,
): NotifyDecision {
  return decision(reasonOf(previous, firing, resolved, sendResolved, repeatIntervalMs, now));
}

/**
 * The notification log entry to store after a notification was sent (or, for resolved-only groups
 * without send_resolved, would have been): the firing and resolved fingerprints at `now`, kept for
 * twice the repeat interval but never longer than the retention (Alertmanager's `nflog.Log`).
 *
 * @example
 * await log.save(groupKey, receiver, notificationLogEntryOf(batch.firing, batch.resolved, now, route.repeatIntervalMs));
 */
export function notificationLogEntryOf(
  firing: Iterable<Fingerprint>,
  resolved: Iterable<Fingerprint>,
  now: Date,
  repeatIntervalMs: number,
  retentionMs: number = DEFAULT_NOTIFICATION_LOG_RETENTION_MS,
): NotificationLogEntry {
  const keepMs =
    repeatIntervalMs > 0 && retentionMs > 2 * repeatIntervalMs ? 2 * repeatIntervalMs : retentionMs;
  return {
    firing: [...new Set(firing)].sort(compareGoStrings),
    resolved: [...new Set(resolved)].sort(compareGoStrings),
    timestamp: now,
    expiresAt: new Date(now.getTime() + keepMs),
  };
}

function reasonOf(
  previous: NotificationLogEntry | undefined,
  firing: ReadonlySet<Fingerprint>,
  resolved: ReadonlySet<Fingerprint>,
  sendResolved: boolean,
  repeatIntervalMs: number,
  now: Date,
): NotifyReason {
  if (previous === undefined) return firing.size > 0 ? 'first-notification' : 'none';
  if (!isSubset(firing, previous.firing))
    return previous.firing.length === 0 ? 'first-notification' : 'new-alerts';
  if (firing.size === 0) return previous.firing.length > 0 ? 'all-resolved' : 'none';
  if (sendResolved && !isSubset(resolved, previous.resolved)) return 'new-resolved';
  return previous.timestamp.getTime() < now.getTime() - repeatIntervalMs ? 'repeat-interval-elapsed' : 'none';
}

function isSubset(subset: ReadonlySet<Fingerprint>, of: readonly Fingerprint[]): boolean {
  const set = new Set(of);
  return [...subset].every((fingerprint) => set.has(fingerprint));
}

function decision(reason: NotifyReason): NotifyDecision {
  return { notify: reason !== 'none', reason };
}
