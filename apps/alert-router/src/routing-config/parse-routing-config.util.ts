import { createHash } from 'node:crypto';
import { parseDocument } from 'yaml';
import type { ZodIssue } from 'zod';
import { inhibitRuleOf } from '../inhibition/inhibit-rule.util';
import type { InhibitRule } from '../inhibition/inhibit-rule.model';
import { type ReceiverConfig, receiverConfigSchema } from '../receivers';
import { parseDuration } from '../routing/duration.util';
import { routeTreeOf, validateRouteTree } from '../routing/route-tree.util';
import { receiverWithGlobals } from './receiver-globals.util';
import type { ConfigIssue, EscalationPolicy, RoutingConfig } from './routing-config.model';
import { routingConfigFileSchema } from './routing-config.schema';

/** The outcome of parsing a routing config: the config, or every issue found. */
export type RoutingConfigParse =
  | { readonly ok: true; readonly config: RoutingConfig }
  | { readonly ok: false; readonly issues: readonly ConfigIssue[] };

/**
 * Parses alertmanager.yml-shaped text (plus our `escalation_policies` and route extensions) into
 * the config the dispatcher runs on, checking it as Alertmanager does (strict keys, receivers that
 * exist and are unique, valid matchers and durations, a root route with a receiver). Every issue
 * carries the YAML path of its node.
 *
 * @example
 * const parsed = parseRoutingConfig(readFileSync(file, 'utf8'));
 * if (!parsed.ok) console.error(parsed.issues); // [{ path: 'route.routes[0].receiver', message: 'undefined receiver "x" used in route' }]
 */
export function parseRoutingConfig(text: string): RoutingConfigParse {
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (document.errors.length > 0) {
    return {
      ok: false,
      issues: document.errors.map((error) => ({
        path: error.linePos ? `(line ${error.linePos[0].line}, column ${error.linePos[0].col})` : '(yaml)',
        message: error.message.split('\n')[0] ?? error.message,
      })),
    };
  }
  const file = routingConfigFileSchema.safeParse(document.toJS() ?? {});
  if (!file.success) return { ok: false, issues: file.error.issues.map((issue) => zodIssue(issue)) };
  const { global, route, inhibit_rules: inhibitRuleConfigs, escalation_policies: policyConfigs } = file.data;
  const issues: ConfigIssue[] = [];

  const resolveTimeoutMs = attempt(issues, 'global.resolve_timeout', () => {
    const ms = parseDuration(global.resolve_timeout);
    if (ms === 0) throw new Error('resolve_timeout cannot be zero');
    return ms;
  });

  const receivers = new Map<string, ReceiverConfig>();
  const receiverNames = file.data.receivers.map((raw) => String(raw['name'] ?? ''));
  file.data.receivers.forEach((raw, index) => {
    const parsed = receiverConfigSchema.safeParse(receiverWithGlobals(raw, global));
    if (!parsed.success) {
      issues.push(...parsed.error.issues.map((issue) => zodIssue(issue, ['receivers', index])));
    } else {
      receivers.set(parsed.data.name, parsed.data);
    }
    const name = receiverNames[index] ?? '';
    if (receiverNames.indexOf(name) !== index) {
      issues.push({
        path: `receivers[${index}].name`,
        message: `notification config name ${JSON.stringify(name)} is not unique`,
      });
    }
  });

  const escalationPolicies = new Map<string, EscalationPolicy>();
  policyConfigs.forEach((policy, index) => {
    const at = `escalation_policies[${index}]`;
    if (escalationPolicies.has(policy.name)) {
      issues.push({
        path: `${at}.name`,
        message: `escalation policy ${JSON.stringify(policy.name)} is not unique`,
      });
    }
    const steps = policy.steps.map((step, stepIndex) => {
      if (!receiverNames.includes(step.receiver)) {
        issues.push({
          path: `${at}.steps[${stepIndex}].receiver`,
          message: `undefined receiver ${JSON.stringify(step.receiver)} used in escalation policy`,
        });
      }
      const waitMs = attempt(issues, `${at}.steps[${stepIndex}].wait`, () => {
        const ms = parseDuration(step.wait);
        if (ms === 0) throw new Error('wait cannot be zero');
        return ms;
      });
      return { receiver: step.receiver, waitMs: waitMs ?? 0 };
    });
    escalationPolicies.set(policy.name, { name: policy.name, steps, repeat: policy.repeat });
  });

  issues.push(...validateRouteTree(route, receiverNames, [...escalationPolicies.keys()]));

  const inhibitRules: InhibitRule[] = [];
  inhibitRuleConfigs.forEach((rule, index) => {
    const parsed = attempt(issues, `inhibit_rules[${index}]`, () => inhibitRuleOf(rule));
    if (parsed) inhibitRules.push(parsed);
  });

  if (issues.length > 0 || resolveTimeoutMs === undefined) return { ok: false, issues };
  return {
    ok: true,
    config: {
      resolveTimeoutMs,
      externalUrl: global.external_url.replace(/\/+$/, ''),
      route: routeTreeOf(route, receiverNames, [...escalationPolicies.keys()]),
      receivers,
      inhibitRules,
      escalationPolicies,
      hash: createHash('sha256').update(text).digest('hex'),
    },
  };
}

function attempt<T>(issues: ConfigIssue[], path: string, action: () => T): T | undefined {
  try {
    return action();
  } catch (error) {
    issues.push({ path, message: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
}

function zodIssue(issue: ZodIssue, prefix: ReadonlyArray<string | number> = []): ConfigIssue {
  const segments = [...prefix, ...issue.path];
  const message =
    issue.code === 'unrecognized_keys' ? `field ${issue.keys.join(', ')} not found in type` : issue.message;
  const keyPath = issue.code === 'unrecognized_keys' ? [...segments, ...issue.keys.slice(0, 1)] : segments;
  return { path: yamlPathOf(keyPath) || '(root)', message };
}

/** `['receivers', 1, 'webhook_configs', 0, 'url']` → `receivers[1].webhook_configs[0].url`. */
export function yamlPathOf(segments: ReadonlyArray<string | number>): string {
  return segments.reduce<string>(
    (path, segment) =>
      typeof segment === 'number' ? `${path}[${segment}]` : path === '' ? segment : `${path}.${segment}`,
    '',
  );
}
