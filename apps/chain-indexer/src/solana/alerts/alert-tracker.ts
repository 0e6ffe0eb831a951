import type { SolanaAlert } from './solana-alert-rules.util';

/** An alert to send, with its start (and end, when resolving). */
export interface TrackedAlert extends SolanaAlert {
  readonly startsAt: Date;
  readonly endsAt?: Date;
}

/**
 * Turns "what is firing now" into what to send: new alerts, firing ones again every
 * `resendIntervalMs` (Alertmanager resolves alerts that are not re-sent), and resolutions (with
 * `endsAt`) for those that stopped. Keyed by name and labels; times from the caller's clock.
 *
 * @example
 * const { send } = tracker.update(firingSolanaAlerts(input), now);
 */
export class AlertTracker {
  private readonly active = new Map<string, { alert: SolanaAlert; startsAt: Date; sentAt: number }>();

  constructor(private readonly resendIntervalMs: number) {}

  update(firing: readonly SolanaAlert[], now: Date): { send: TrackedAlert[] } {
    const send: TrackedAlert[] = [];
    const seen = new Set<string>();
    for (const alert of firing) {
      const key = keyOf(alert);
      seen.add(key);
      const known = this.active.get(key);
      if (!known) {
        this.active.set(key, { alert, startsAt: now, sentAt: now.getTime() });
        send.push({ ...alert, startsAt: now });
      } else if (now.getTime() - known.sentAt >= this.resendIntervalMs) {
        known.sentAt = now.getTime();
        send.push({ ...alert, startsAt: known.startsAt });
      }
    }
    for (const [key, known] of this.active) {
      if (seen.has(key)) continue;
      this.active.delete(key);
      send.push({ ...known.alert, startsAt: known.startsAt, endsAt: now });
    }
    return { send };
  }
}

function keyOf(alert: SolanaAlert): string {
  const labels = Object.entries(alert.labels).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([alert.name, labels]);
}
