import type { Labels } from './alert.model';
import { compareGoStrings, goQuoted } from './go-string.util';

/**
 * The value of a label, "" when the label is absent (Alertmanager treats both alike), without
 * reading inherited properties such as `constructor` off the plain object.
 *
 * @example
 * labelValueOf({ job: 'api' }, 'instance') // ''
 */
export function labelValueOf(labels: Labels, name: string): string {
  return Object.hasOwn(labels, name) ? (labels[name] ?? '') : '';
}

/**
 * The label names in Go's byte order, the order fingerprints and keys are built in.
 *
 * @example
 * labelNamesOf({ job: 'api', alertname: 'Down' }) // ['alertname', 'job']
 */
export function labelNamesOf(labels: Labels): string[] {
  return Object.keys(labels).sort(compareGoStrings);
}

/**
 * The label set as Prometheus' `LabelSet.String()` writes it: sorted `name="value"` pairs, values
 * quoted like Go's `%q`. Alertmanager uses it as the second half of a group key.
 *
 * @example
 * labelSetString({ service: 'api', alertname: 'Down' }) // '{alertname="Down", service="api"}'
 */
export function labelSetString(labels: Labels): string {
  const pairs = labelNamesOf(labels).map((name) => `${name}=${goQuoted(labelValueOf(labels, name))}`);
  return `{${pairs.join(', ')}}`;
}

/**
 * Whether label set `a` sorts before `b` by Prometheus' `LabelSet.Before`: fewer labels first, then
 * the first differing label in name order (a missing label sorts first), then its value.
 *
 * @example
 * isLabelSetBefore({ a: '1' }, { a: '1', b: '2' }) // true
 */
export function isLabelSetBefore(a: Labels, b: Labels): boolean {
  const aNames = Object.keys(a);
  const bNames = Object.keys(b);
  if (aNames.length !== bNames.length) return aNames.length < bNames.length;
  for (const name of [...aNames, ...bNames].sort(compareGoStrings)) {
    if (!Object.hasOwn(a, name)) return true;
    if (!Object.hasOwn(b, name)) return false;
    const order = compareGoStrings(labelValueOf(a, name), labelValueOf(b, name));
    if (order !== 0) return order < 0;
  }
  return false;
}

/**
 * Whether `name` is a valid classic Prometheus label name (`model.LabelNameRE`), the rule
 * Alertmanager applies to group_by, equal and silence matcher names.
 *
 * @example
 * isValidLabelName('00') // false
 */
export function isValidLabelName(name: string): boolean {
  return /^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name);
}
