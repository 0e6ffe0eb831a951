import type { Labels } from '../alerts/alert.model';
import { matchesLabels } from '../routing/matcher.util';
import type { Silence, SilenceState } from './silence.model';

/**
 * The silence's state at `now` (Alertmanager's `getState`): pending before its start, expired
 * after its end, active in between, both ends included.
 *
 * @example
 * silenceState(silence, new Date()) // 'active'
 */
export function silenceState(silence: Pick<Silence, 'startsAt' | 'endsAt'>, now: Date): SilenceState {
  if (now.getTime() < silence.startsAt.getTime()) return 'pending';
  if (now.getTime() > silence.endsAt.getTime()) return 'expired';
  return 'active';
}

/**
 * The ids of the silences that mute these labels at `now`: active ones whose matchers all accept
 * the labels (Alertmanager's Silencer: `QState(active)` and `QMatches`), in input order.
 *
 * @example
 * silencingIdsOf(alert.labels, silences, now) // ['2c5f…']
 */
export function silencingIdsOf(labels: Labels, silences: readonly Silence[], now: Date): string[] {
  return silences
    .filter((silence) => silenceState(silence, now) === 'active' && matchesLabels(silence.matchers, labels))
    .map((silence) => silence.id);
}

/**
 * Whether an active silence mutes these labels at `now` (see `silencingIdsOf`).
 *
 * @example
 * if (isSilenced(alert.labels, silences, now)) continue;
 */
export function isSilenced(labels: Labels, silences: readonly Silence[], now: Date): boolean {
  return silencingIdsOf(labels, silences, now).length > 0;
}
