import type { Alert, Fingerprint, Labels } from '../alerts/alert.model';
import { isResolved } from '../alerts/alert.util';
import { fingerprintOf } from '../alerts/fingerprint.util';
import { labelValueOf } from '../alerts/label-set.util';
import { matchesLabels } from '../routing/matcher.util';
import type { InhibitRule } from './inhibit-rule.model';

type SourceAlert = Pick<Alert, 'labels'> & Partial<Pick<Alert, 'endsAt'>>;

/**
 * The fingerprint of an alert that inhibits `target`, or undefined (Alertmanager's
 * `Inhibitor.Mutes`): for some rule whose target matchers accept `target`, a firing source alert
 * accepted by the source matchers has the same value for every `equal` label (a missing label
 * equals ""). When `target` also matches that rule's source side, sources that match both sides
 * are disregarded, so an alert cannot inhibit itself or its own kind. With `now`, sources already
 * resolved at `now` are skipped, as Alertmanager skips stale cache entries.
 *
 * @example
 * inhibitingAlertOf({ alertname: 'Slow', cluster: 'eu' }, firing, rules) // fingerprint of { alertname: 'Down', cluster: 'eu', … }
 */
export function inhibitingAlertOf(
  target: Labels,
  firingAlerts: readonly SourceAlert[],
  rules: readonly InhibitRule[],
  now?: Date,
): Fingerprint | undefined {
  for (const rule of rules) {
    if (!matchesLabels(rule.targetMatchers, target)) continue;
    const targetIsAlsoSource = matchesLabels(rule.sourceMatchers, target);
    const source = firingAlerts.find(
      (alert) =>
        (now === undefined || !isResolved(alert, now)) &&
        matchesLabels(rule.sourceMatchers, alert.labels) &&
        rule.equal.every((name) => labelValueOf(alert.labels, name) === labelValueOf(target, name)) &&
        !(targetIsAlsoSource && matchesLabels(rule.targetMatchers, alert.labels)),
    );
    if (source) return fingerprintOf(source.labels);
  }
  return undefined;
}

/**
 * Whether `target` is inhibited by one of `firingAlerts` under `rules` (see `inhibitingAlertOf`).
 *
 * @example
 * if (isInhibited(alert.labels, firing, rules, now)) continue;
 */
export function isInhibited(
  target: Labels,
  firingAlerts: readonly SourceAlert[],
  rules: readonly InhibitRule[],
  now?: Date,
): boolean {
  return inhibitingAlertOf(target, firingAlerts, rules, now) !== undefined;
}
