import type { AlertCondition } from './alert-conditions.util';

export interface AlertSend {
  readonly condition: AlertCondition;
  readonly startsAt: Date;
  /** Set when the condition cleared: the alert resolves. */
  readonly endsAt?: Date;
}

/**
 * Which alerts to send as conditions come and go: a new condition fires at once, a firing one is
 * re-sent every `repeatMs` (Alertmanager resolves alerts its clients stop sending), a cleared one is
 * sent once more with `endsAt`. Keeps each alert's `startsAt` stable across re-sends.
 *
 * @example
 * tracker.update([lagCondition], now) // [{ condition: lagCondition, startsAt: now }]
 */
export class AlertTracker {
  private readonly firing = new Map<string, { condition: AlertCondition; startsAt: Date; sentAt: Date }>();

  constructor(private readonly repeatMs = 60_000) {}

  update(conditions: readonly AlertCondition[], now: Date): AlertSend[] {
    const sends: AlertSend[] = [];
    const active = new Set(conditions.map((c) => c.key));
    for (const condition of conditions) {
      const known = this.firing.get(condition.key);
      if (!known) {
        this.firing.set(condition.key, { condition, startsAt: now, sentAt: now });
        sends.push({ condition, startsAt: now });
      } else if (now.getTime() - known.sentAt.getTime() >= this.repeatMs) {
        known.sentAt = now;
        known.condition = condition;
        sends.push({ condition, startsAt: known.startsAt });
      }
    }
    for (const [key, known] of this.firing) {
      if (active.has(key)) continue;
      this.firing.delete(key);
      sends.push({ condition: known.condition, startsAt: known.startsAt, endsAt: now });
    }
    return sends;
  }
}
