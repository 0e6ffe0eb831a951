import type { Alert } from './alert.model';
import { compareGoStrings } from './go-string.util';
import { isLabelSetBefore } from './label-set.util';

// Alertmanager's AlertSlice orders notifications by these labels before the whole label set.
const ORDERING_LABELS = ['job', 'instance'] as const;

/**
 * Whether the alert has ended at `now`: Alertmanager's `ResolvedAt` — an end time that is set and
 * not after `now` (an alert ending exactly now is resolved).
 *
 * @example
 * isResolved({ ...alert, endsAt: new Date('2025-01-01T00:00:00Z') }, new Date('2025-01-01T00:00:00Z')) // true
 */
export function isResolved(alert: Pick<Alert, 'endsAt'>, now: Date): boolean {
  return alert.endsAt !== undefined && alert.endsAt.getTime() <= now.getTime();
}

/**
 * Sort order of alerts in a notification, Alertmanager's `AlertSlice.Less`: by `job`, then by
 * `instance` (alerts having the label first), then by `LabelSet.Before`.
 *
 * @example
 * alerts.sort(compareAlerts)
 */
export function compareAlerts(a: Pick<Alert, 'labels'>, b: Pick<Alert, 'labels'>): number {
  for (const name of ORDERING_LABELS) {
    const aHas = Object.hasOwn(a.labels, name);
    const bHas = Object.hasOwn(b.labels, name);
    if (!aHas && !bHas) continue;
    if (!aHas) return 1;
    if (!bHas) return -1;
    const order = compareGoStrings(a.labels[name] ?? '', b.labels[name] ?? '');
    if (order !== 0) return order;
  }
  if (isLabelSetBefore(a.labels, b.labels)) return -1;
  return isLabelSetBefore(b.labels, a.labels) ? 1 : 0;
}
