import { createHash } from 'node:crypto';
import { renderTemplate } from './notification-template.util';
import { alertListUrlOf, subjectOf, textAlertListOf } from './notification-subject.util';
import type { PagerDutyConfig } from './receiver-config.schema';
import type { WebhookMessage } from './receiver.types';
import { truncate } from './truncate.util';

/** Events API v2 `event_action`. */
export type PagerDutyEventAction = 'trigger' | 'acknowledge' | 'resolve';

/** Events API v2 `payload.severity` values. */
export const PAGERDUTY_SEVERITIES = ['critical', 'error', 'warning', 'info'] as const;
export type PagerDutySeverity = (typeof PAGERDUTY_SEVERITIES)[number];

/** PagerDuty's limit on `payload.summary`. */
const SUMMARY_MAX = 1024;
/** Alertmanager's client name, so incidents say where they came from. */
export const DEFAULT_PAGERDUTY_CLIENT = 'Convergence alert-router';

/** An Events API v2 event (developer.pagerduty.com/docs/events-api-v2/trigger-events). */
export interface PagerDutyEvent {
  routing_key: string;
  event_action: PagerDutyEventAction;
  dedup_key: string;
  payload?: {
    summary: string;
    source: string;
    severity: PagerDutySeverity;
    component?: string;
    group?: string;
    class?: string;
    custom_details: Record<string, string>;
  };
  client?: string;
  client_url?: string;
  links?: { href: string; text?: string }[];
}

/**
 * The dedup key of a group: the SHA-256 hex of its group key, as Alertmanager's `notify.Key.Hash`,
 * so trigger, acknowledge and resolve of one group land on one PagerDuty alert.
 */
export function dedupKeyOf(groupKey: string): string {
  return createHash('sha256').update(groupKey).digest('hex');
}

/** `trigger` while anything fires, `resolve` once all alerts of the group resolved. */
export function eventActionOf(message: WebhookMessage): 'trigger' | 'resolve' {
  return message.status === 'resolved' ? 'resolve' : 'trigger';
}

/**
 * The event for `action`. Trigger and resolve carry the payload as Alertmanager sends it
 * (summary = description or subject, source = client, custom_details with Alertmanager's default
 * firing/resolved/num_firing/num_resolved under the config's `details`); acknowledge carries only
 * what PagerDuty reads for it. A severity that does not render to one of PagerDuty's four values
 * falls back to `error` (Alertmanager's default), so a missing label never stops a page.
 */
export function pagerDutyEventOf(
  config: PagerDutyConfig,
  routingKey: string,
  message: WebhookMessage,
  action: PagerDutyEventAction,
  ackUrl?: string,
): PagerDutyEvent {
  const dedupKey = dedupKeyOf(message.groupKey);
  if (action === 'acknowledge') return { routing_key: routingKey, event_action: action, dedup_key: dedupKey };
  const render = (template: string | undefined) =>
    template === undefined ? undefined : renderTemplate(template, message);
  const client = render(config.client) ?? DEFAULT_PAGERDUTY_CLIENT;
  const clientUrl = render(config.client_url) ?? alertListUrlOf(message);
  const links = (config.links ?? []).map((link) => ({
    href: renderTemplate(link.href, message),
    ...(link.text === undefined ? {} : { text: renderTemplate(link.text, message) }),
  }));
  if (ackUrl && action === 'trigger') links.push({ href: ackUrl, text: 'Acknowledge' });
  const optional = (name: 'component' | 'group' | 'class') => {
    const value = render(config[name]);
    return value ? { [name]: value } : {};
  };
  return {
    routing_key: routingKey,
    event_action: action,
    dedup_key: dedupKey,
    payload: {
      summary: truncate(render(config.description) ?? subjectOf(message), SUMMARY_MAX),
      source: render(config.source) ?? client,
      severity: severityOf(renderTemplate(config.severity, message)),
      ...optional('component'),
      ...optional('group'),
      ...optional('class'),
      custom_details: detailsOf(config, message),
    },
    client,
    ...(clientUrl ? { client_url: clientUrl } : {}),
    ...(links.length > 0 ? { links } : {}),
  };
}

function severityOf(rendered: string): PagerDutySeverity {
  const lower = rendered.trim().toLowerCase();
  return (PAGERDUTY_SEVERITIES as readonly string[]).includes(lower) ? (lower as PagerDutySeverity) : 'error';
}

/** Alertmanager's DefaultPagerdutyDetails, overridden key by key by the config's `details`. */
function detailsOf(config: PagerDutyConfig, message: WebhookMessage): Record<string, string> {
  const firing = message.alerts.filter((alert) => alert.status === 'firing');
  const resolved = message.alerts.filter((alert) => alert.status === 'resolved');
  const details: Record<string, string> = {
    firing: textAlertListOf(firing),
    resolved: textAlertListOf(resolved),
    num_firing: String(firing.length),
    num_resolved: String(resolved.length),
  };
  for (const [key, template] of Object.entries(config.details ?? {}))
    details[key] = renderTemplate(template, message);
  return details;
}
