import { z } from 'zod';
import { isValidLabelName } from '../alerts/label-set.util';
import type { PostableAlerts } from './postable-alerts.schema';

// The field checks of postableAlertsSchema that carry no refinement (cheap to run on their own).
const dateTime = z.string().datetime({ offset: true });
const url = z.string().url();
const KNOWN_KEYS = new Set(['labels', 'annotations', 'startsAt', 'endsAt', 'generatorURL']);

/**
 * The body as `postableAlertsSchema.parse` would return it, if every alert in it is plainly valid;
 * undefined otherwise, and the caller parses with the schema (which also words the errors). A
 * Prometheus batch of hundreds of alerts is checked in a fraction of the schema's time, whose
 * refinements on every label set dominated the cost of POST /api/v2/alerts. Anything unusual (an
 * unknown key, `__proto__`, a wrong type) is left to the schema.
 *
 * @example
 * const alerts = plainPostableAlertsOf(body) ?? parseOrBadRequest(postableAlertsSchema, body, 'invalid alerts');
 */
export function plainPostableAlertsOf(body: unknown): PostableAlerts | undefined {
  if (!Array.isArray(body)) return undefined;
  const alerts: PostableAlerts = [];
  for (const item of body as unknown[]) {
    if (!isPlainObject(item)) return undefined;
    for (const key of Object.keys(item)) if (!KNOWN_KEYS.has(key)) return undefined;
    const { labels, annotations, startsAt, endsAt, generatorURL } = item;
    const checkedLabels = labelSetOf(labels);
    if (!checkedLabels || Object.keys(checkedLabels).length === 0) return undefined;
    const alert: PostableAlerts[number] = { labels: checkedLabels };
    if (annotations !== undefined) {
      const checked = labelSetOf(annotations);
      if (!checked) return undefined;
      alert.annotations = checked;
    }
    if (startsAt !== undefined) {
      if (!dateTime.safeParse(startsAt).success) return undefined;
      alert.startsAt = startsAt as string;
    }
    if (endsAt !== undefined) {
      if (!dateTime.safeParse(endsAt).success) return undefined;
      alert.endsAt = endsAt as string;
    }
    if (alert.startsAt && alert.endsAt && Date.parse(alert.startsAt) > Date.parse(alert.endsAt))
      return undefined;
    if (generatorURL !== undefined) {
      if (!url.safeParse(generatorURL).success) return undefined;
      alert.generatorURL = generatorURL as string;
    }
    alerts.push(alert);
  }
  return alerts;
}

/** A copy of a label set whose names are valid and values are strings; undefined otherwise. */
function labelSetOf(value: unknown): Record<string, string> | undefined {
  if (!isPlainObject(value)) return undefined;
  const labels: Record<string, string> = {};
  for (const [name, labelValue] of Object.entries(value)) {
    if (name === '__proto__' || typeof labelValue !== 'string' || !isValidLabelName(name)) return undefined;
    labels[name] = labelValue;
  }
  return labels;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
