import { z } from 'zod';
import { templateProblemOf } from './notification-template.util';

/** PagerDuty Events API v2's endpoint, Alertmanager's default `url` for pagerduty_configs. */
export const PAGERDUTY_EVENTS_V2_URL = 'https://events.pagerduty.com/v2/enqueue';

/** A string that may hold `{{ .Field }}` placeholders (see notification-template.util.ts). */
const templated = (minLength = 0) =>
  z
    .string()
    .min(minLength, minLength > 0 ? 'must not be empty' : undefined)
    .superRefine((value, ctx) => {
      const problem = templateProblemOf(value);
      if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
    });

const httpUrl = () =>
  z
    .string()
    .url()
    .refine((value) => /^https?:\/\//i.test(value), 'must be an http(s) URL');

/** Alertmanager's `<secret>` / `<filepath>` pairs: exactly one of the two must be set. */
function exactlyOneOf(a: string, b: string, required = true) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const hasA = value[a] !== undefined;
    const hasB = value[b] !== undefined;
    if (hasA && hasB) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: [b],
        message: `at most one of ${a} and ${b} may be set`,
      });
    } else if (required && !hasA && !hasB) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [a], message: `one of ${a} or ${b} must be set` });
    }
  };
}

/** `slack_configs[]`, Alertmanager's field names; `send_resolved` defaults to false as in Alertmanager. */
export const slackConfigSchema = z
  .object({
    send_resolved: z.boolean().default(false),
    api_url: httpUrl().optional(),
    api_url_file: z.string().min(1).optional(),
    channel: templated().optional(),
    username: templated().optional(),
    icon_emoji: z.string().optional(),
    icon_url: httpUrl().optional(),
    title: templated().optional(),
    text: templated().optional(),
  })
  .strict()
  .superRefine(exactlyOneOf('api_url', 'api_url_file'));

const pagerDutyLinkSchema = z.object({ href: templated(), text: templated().optional() }).strict();

/** `pagerduty_configs[]` for Events API v2; `send_resolved` defaults to true as in Alertmanager. */
export const pagerDutyConfigSchema = z
  .object({
    send_resolved: z.boolean().default(true),
    routing_key: templated(1).optional(),
    routing_key_file: z.string().min(1).optional(),
    url: httpUrl().default(PAGERDUTY_EVENTS_V2_URL),
    client: templated().optional(),
    client_url: templated().optional(),
    description: templated().optional(),
    /** critical | error | warning | info after rendering; Alertmanager's default is `error`. */
    severity: templated().default('error'),
    source: templated().optional(),
    class: templated().optional(),
    component: templated().optional(),
    group: templated().optional(),
    details: z.record(z.string(), templated()).optional(),
    links: z.array(pagerDutyLinkSchema).optional(),
  })
  .strict()
  .superRefine(exactlyOneOf('routing_key', 'routing_key_file'));

/** `email_configs[]`; `send_resolved` defaults to false and `require_tls` to true as in Alertmanager. */
export const emailConfigSchema = z
  .object({
    send_resolved: z.boolean().default(false),
    to: templated(1),
    from: templated(1),
    smarthost: z.string().regex(/^(\[[0-9a-fA-F:.]+\]|[^:\s]+):\d{1,5}$/, 'must be host:port'),
    hello: z.string().min(1).default('localhost'),
    auth_username: z.string().min(1).optional(),
    auth_password: z.string().min(1).optional(),
    auth_password_file: z.string().min(1).optional(),
    require_tls: z.boolean().default(true),
    headers: z.record(z.string(), templated()).optional(),
  })
  .strict()
  .superRefine(exactlyOneOf('auth_password', 'auth_password_file', false))
  .superRefine((value, ctx) => {
    if ((value.auth_password ?? value.auth_password_file) !== undefined && !value.auth_username) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['auth_username'],
        message: 'required with a password',
      });
    }
  });

/** `webhook_configs[]`; `send_resolved` defaults to true, `max_alerts` 0 means all alerts. */
export const webhookConfigSchema = z
  .object({
    send_resolved: z.boolean().default(true),
    url: httpUrl().optional(),
    url_file: z.string().min(1).optional(),
    max_alerts: z.number().int().nonnegative().default(0),
  })
  .strict()
  .superRefine(exactlyOneOf('url', 'url_file'));

/**
 * One entry of alertmanager.yml's `receivers:` with Alertmanager's field names and defaults. Strict
 * like Alertmanager's `yaml.UnmarshalStrict`: an unknown or unsupported key (e.g. `http_config`) is
 * an error naming it. Global defaults (`global.slack_api_url`, `smtp_from`, ...) are the config
 * loader's to merge in before parsing.
 *
 * @example
 * receiverConfigSchema.parse({ name: 'ops', slack_configs: [{ api_url: 'https://hooks.slack.com/services/T/B/X' }] })
 */
export const receiverConfigSchema = z
  .object({
    name: z.string().min(1),
    slack_configs: z.array(slackConfigSchema).default([]),
    pagerduty_configs: z.array(pagerDutyConfigSchema).default([]),
    email_configs: z.array(emailConfigSchema).default([]),
    webhook_configs: z.array(webhookConfigSchema).default([]),
  })
  .strict();

/** A receiver after parsing: defaults applied, every integration list present. */
export type ReceiverConfig = z.infer<typeof receiverConfigSchema>;
/** A receiver as written in YAML. */
export type ReceiverConfigInput = z.input<typeof receiverConfigSchema>;
export type SlackConfig = z.infer<typeof slackConfigSchema>;
export type PagerDutyConfig = z.infer<typeof pagerDutyConfigSchema>;
export type EmailConfig = z.infer<typeof emailConfigSchema>;
export type WebhookConfig = z.infer<typeof webhookConfigSchema>;
