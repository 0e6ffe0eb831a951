import type { PrometheusRule } from './load-rules.util';

/** Where runbook links point: the runbooks folder of the repository's main branch. */
export const RUNBOOK_BASE_URL = 'https://github.com/convergence/convergence/blob/main/';

export const SEVERITIES = ['critical', 'warning', 'info'] as const;

/** Components the routing config knows (oracle, contracts and api have their own channels). */
export const COMPONENTS = [
  'api',
  'oracle',
  'contracts',
  'indexer',
  'unlocks',
  'database',
  'messaging',
  'platform',
  'alerting',
] as const;

/** Alerts the operations issue names; each must exist. */
export const REQUIRED_ALERTS = [
  'APIServerDown',
  'OracleServiceDown',
  'DatabaseConnectionPoolExhausted',
  'SolanaSlotLaggingBehind',
  'EVMBlockLag',
  'APIHighErrorRate',
  'APIHighLatency',
  'TransactionFailureRate',
  'SettlementLatencyHigh',
  'VRFCallbackTimeout',
  'LLMDailySpendHigh',
  'LLMRequestRateHigh',
  'RPCErrorRateHigh',
  'KafkaConsumerLagHigh',
  'DeadLetterQueueGrowing',
  'DatabaseDiskUsageHigh',
  'ServiceHighCPU',
  'ServiceHighMemory',
] as const;

export const MINIMUM_ALERT_COUNT = 30;

/** `APIServerDown` → `docs/runbooks/api-server-down.md`. */
export function runbookPathOf(alertname: string): string {
  const kebab = alertname
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
  return `docs/runbooks/${kebab}.md`;
}

/**
 * Checks what every alert must carry: severity and component from the known sets, summary and
 * description, and a runbook_url that is the runbook of that alert and exists; unique names; at least
 * 30 alerts; every alert the issue names.
 *
 * @example checkRuleConventions(rules, new Set(['docs/runbooks/api-server-down.md']))
 */
export function checkRuleConventions(
  rules: readonly PrometheusRule[],
  existingRunbooks: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  const alerts = rules.filter((r) => r.alert !== undefined);
  const seen = new Set<string>();
  for (const rule of alerts) {
    const name = rule.alert!;
    const at = `${rule.file}: ${name}`;
    if (seen.has(name)) problems.push(`${at}: the alert name is used twice`);
    seen.add(name);
    if (!(SEVERITIES as readonly string[]).includes(rule.labels['severity'] ?? '')) {
      problems.push(
        `${at}: label severity must be one of ${SEVERITIES.join(', ')} (is ${rule.labels['severity'] ?? 'missing'})`,
      );
    }
    if (!(COMPONENTS as readonly string[]).includes(rule.labels['component'] ?? '')) {
      problems.push(
        `${at}: label component must be one of ${COMPONENTS.join(', ')} (is ${rule.labels['component'] ?? 'missing'})`,
      );
    }
    for (const annotation of ['summary', 'description']) {
      if (!rule.annotations[annotation]?.trim()) problems.push(`${at}: annotation ${annotation} is missing`);
    }
    const runbook = runbookPathOf(name);
    const url = rule.annotations['runbook_url'];
    if (url !== RUNBOOK_BASE_URL + runbook) {
      problems.push(
        `${at}: annotation runbook_url must be ${RUNBOOK_BASE_URL + runbook} (is ${url ?? 'missing'})`,
      );
    }
    if (!existingRunbooks.has(runbook)) problems.push(`${at}: runbook ${runbook} does not exist`);
  }
  if (alerts.length < MINIMUM_ALERT_COUNT) {
    problems.push(`only ${alerts.length} alerting rules; at least ${MINIMUM_ALERT_COUNT} are expected`);
  }
  for (const required of REQUIRED_ALERTS) {
    if (!seen.has(required)) problems.push(`the alert ${required} is required but no rule defines it`);
  }
  return problems;
}
