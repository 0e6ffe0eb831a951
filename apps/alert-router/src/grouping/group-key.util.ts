import type { Labels } from '../alerts/alert.model';
import { labelSetString } from '../alerts/label-set.util';
import type { Route } from '../routing/route.model';

/**
 * The labels that decide an alert's aggregation group on a route (Alertmanager's
 * `getGroupLabels`): the alert's labels named in `group_by`, or all of them with `group_by: [...]`.
 * A group_by label the alert lacks is left out, not set to "".
 *
 * @example
 * groupLabelsOf({ groupBy: ['alertname', 'cluster'], groupByAll: false }, { alertname: 'Down', job: 'api' })
 * // { alertname: 'Down' }
 */
export function groupLabelsOf(route: Pick<Route, 'groupBy' | 'groupByAll'>, labels: Labels): Labels {
  const names = route.groupByAll
    ? Object.keys(labels)
    : route.groupBy.filter((name) => Object.hasOwn(labels, name));
  return Object.fromEntries(names.map((name) => [name, labels[name] ?? '']));
}

/**
 * The aggregation group's key as Alertmanager builds it (`aggrGroup.GroupKey`): the route key, a
 * colon, then the group labels as Prometheus prints a label set. It is what receivers see as
 * `groupKey` and what the notification log is keyed by.
 *
 * @example
 * groupKeyOf(prodRoute, alert.labels) // '{}/{env="prod"}:{alertname="HighErrorRate", cluster="aa"}'
 */
export function groupKeyOf(route: Pick<Route, 'key' | 'groupBy' | 'groupByAll'>, labels: Labels): string {
  return `${route.key}:${labelSetString(groupLabelsOf(route, labels))}`;
}
