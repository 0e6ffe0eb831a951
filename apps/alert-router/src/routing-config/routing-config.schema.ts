import { z } from 'zod';

/**
 * `global:` of alertmanager.yml as far as the router uses it: resolve_timeout, the URL users reach
 * the router at (Alertmanager's `--web.external-url` flag, kept in the file here), and the defaults
 * Alertmanager merges into receivers. Strict, so an unsupported key is named rather than ignored.
 */
export const globalConfigSchema = z
  .object({
    resolve_timeout: z.string().default('5m'),
    external_url: z
      .string()
      .url()
      .refine((url) => /^https?:\/\//i.test(url), 'must be an http(s) URL')
      .default('http://localhost:3004'),
    slack_api_url: z.string().optional(),
    pagerduty_url: z.string().optional(),
    smtp_from: z.string().optional(),
    smtp_smarthost: z.string().optional(),
    smtp_hello: z.string().optional(),
    smtp_auth_username: z.string().optional(),
    smtp_auth_password: z.string().optional(),
    smtp_require_tls: z.boolean().optional(),
  })
  .strict();

export type GlobalConfig = z.infer<typeof globalConfigSchema>;

/** One `escalation_policies:` entry (our extension; see EscalationPolicy). */
export const escalationPolicyConfigSchema = z
  .object({
    name: z.string().min(1),
    steps: z
      .array(
        z
          .object({
            receiver: z.string().min(1),
            // YAML reads a bare `0` as a number; the duration check then reports it.
            wait: z.preprocess((value) => (value === 0 ? '0' : value), z.string().min(1)),
          })
          .strict(),
      )
      .min(1, 'an escalation policy needs at least one step'),
    repeat: z.number().int().min(0).max(100).default(0),
  })
  .strict();

/** One `inhibit_rules:` entry, Alertmanager's field names. */
export const inhibitRuleConfigSchema = z
  .object({
    name: z.string().optional(),
    source_matchers: z.array(z.string()).optional(),
    target_matchers: z.array(z.string()).optional(),
    source_match: z.record(z.string(), z.string()).optional(),
    source_match_re: z.record(z.string(), z.string()).optional(),
    target_match: z.record(z.string(), z.string()).optional(),
    target_match_re: z.record(z.string(), z.string()).optional(),
    equal: z.array(z.string()).optional(),
  })
  .strict();

/**
 * The top level of the file. Nested parts (route, receivers) are checked by their own validators so
 * that every issue is reported with its path; `templates` is accepted for compatibility and unused.
 */
export const routingConfigFileSchema = z
  .object({
    global: globalConfigSchema.default({}),
    route: z.unknown(),
    receivers: z.array(z.record(z.string(), z.unknown())).min(1, 'at least one receiver is required'),
    inhibit_rules: z.array(inhibitRuleConfigSchema).default([]),
    escalation_policies: z.array(escalationPolicyConfigSchema).default([]),
    templates: z.array(z.string()).default([]),
  })
  .strict();
