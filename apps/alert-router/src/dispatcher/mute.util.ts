import type { Alert, Fingerprint } from '../alerts/alert.model';
import { isResolved } from '../alerts/alert.util';
import { fingerprintOf } from '../alerts/fingerprint.util';
import type { InhibitRule } from '../inhibition/inhibit-rule.model';
import { inhibitingAlertOf } from '../inhibition/inhibition.util';
import type { Silence } from '../silences/silence.model';
import { silenceState, silencingIdsOf } from '../silences/silence-state.util';

/** Why an alert is muted at flush time. */
export interface MuteReason {
  readonly silencedBy: readonly string[];
  readonly inhibitedBy?: Fingerprint;
}

/**
 * The alerts of a flush that are muted at `now` (Alertmanager's MuteStage: inhibition, then
 * silences), by fingerprint. `sources` are every alert the router knows, the inhibition candidates.
 *
 * @example
 * const muted = mutedAlertsOf(batch.alerts, { silences, inhibitRules, sources, now });
 */
export function mutedAlertsOf(
  alerts: readonly Alert[],
  context: {
    readonly silences: readonly Silence[];
    readonly inhibitRules: readonly InhibitRule[];
    readonly sources: readonly Alert[];
    readonly now: Date;
  },
): Map<Fingerprint, MuteReason> {
  const muted = new Map<Fingerprint, MuteReason>();
  // Only active silences can mute; without any (nor inhibit rules) nothing is muted.
  const active = context.silences.filter((silence) => silenceState(silence, context.now) === 'active');
  if (active.length === 0 && context.inhibitRules.length === 0) return muted;
  for (const alert of alerts) {
    const inhibitedBy = inhibitingAlertOf(alert.labels, context.sources, context.inhibitRules, context.now);
    const silencedBy = silencingIdsOf(alert.labels, active, context.now);
    if (inhibitedBy !== undefined || silencedBy.length > 0) {
      muted.set(fingerprintOf(alert.labels), {
        silencedBy,
        ...(inhibitedBy === undefined ? {} : { inhibitedBy }),
      });
    }
  }
  return muted;
}

/**
 * The alerts one integration is told about: the unmuted ones, plus — with our
 * `send_resolved_when_muted` — resolved alerts muted since this integration was last told they fired,
 * so the receiver (a PagerDuty incident, say) does not stay open forever. When every alert is told,
 * the result is `alerts` itself.
 *
 * @example
 * alertsToNotify(batch.alerts, muted, now, route.sendResolvedWhenMuted, previous?.firing ?? [])
 */
export function alertsToNotify(
  alerts: readonly Alert[],
  muted: ReadonlyMap<Fingerprint, MuteReason>,
  now: Date,
  sendResolvedWhenMuted: boolean,
  previouslyFiring: readonly Fingerprint[],
): readonly Alert[] {
  // All of them is the same array: a notification prepared for the group's alerts is found by it.
  if (muted.size === 0) return alerts;
  const wasFiring = new Set(previouslyFiring);
  const kept = alerts.filter((alert) => {
    const fingerprint = fingerprintOf(alert.labels);
    if (!muted.has(fingerprint)) return true;
    return sendResolvedWhenMuted && isResolved(alert, now) && wasFiring.has(fingerprint);
  });
  return kept.length === alerts.length ? alerts : kept;
}
