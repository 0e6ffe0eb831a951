import type { Fingerprint } from '../alerts/alert.model';

/**
 * What was last notified for one group and receiver (Alertmanager's `nflogpb.Entry`); persist it
 * and pass it back to `shouldNotify`.
 */
export interface NotificationLogEntry {
  /** Sorted fingerprints of the alerts that were firing in the notification. */
  readonly firing: readonly Fingerprint[];
  /** Sorted fingerprints of the alerts that were resolved in it (logged even without send_resolved). */
  readonly resolved: readonly Fingerprint[];
  readonly timestamp: Date;
  /** After this the entry should be deleted, as Alertmanager's nflog GC does. */
  readonly expiresAt: Date;
}

/** Why a notification is (or is not) sent, Alertmanager's `NotifyReason`. */
export type NotifyReason =
  | 'first-notification'
  | 'new-alerts'
  | 'new-resolved'
  | 'all-resolved'
  | 'repeat-interval-elapsed'
  | 'none';

export interface NotifyDecision {
  readonly notify: boolean;
  readonly reason: NotifyReason;
}

/** Alertmanager's default `--data.retention`, the longest a notification log entry is kept. */
export const DEFAULT_NOTIFICATION_LOG_RETENTION_MS = 120 * 3_600_000;
