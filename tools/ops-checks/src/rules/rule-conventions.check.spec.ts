import type { PrometheusRule } from './load-rules.util';
import {
  checkRuleConventions,
  REQUIRED_ALERTS,
  RUNBOOK_BASE_URL,
  runbookPathOf,
} from './rule-conventions.check';

function alert(name: string, overrides: Partial<PrometheusRule> = {}): PrometheusRule {
  return {
    file: 'rules/x.yml',
    group: 'x',
    alert: name,
    expr: 'up == 0',
    labels: { severity: 'warning', component: 'platform' },
    annotations: { summary: 's', description: 'd', runbook_url: RUNBOOK_BASE_URL + runbookPathOf(name) },
    ...overrides,
  };
}

/** A rule set that passes: every required alert plus fillers up to 30, each with its runbook. */
function validRules(): PrometheusRule[] {
  const names = [...REQUIRED_ALERTS];
  for (let i = 0; names.length < 30; i++) names.push(`FillerAlert${i}` as never);
  return names.map((n) => alert(n));
}
const runbooksOf = (rules: PrometheusRule[]) => new Set(rules.map((r) => runbookPathOf(r.alert!)));

describe(runbookPathOf.name, () => {
  it('turns alert names into kebab-case runbook paths, keeping acronyms together', () => {
    expect(runbookPathOf('APIServerDown')).toBe('docs/runbooks/api-server-down.md');
    expect(runbookPathOf('VRFCallbackTimeout')).toBe('docs/runbooks/vrf-callback-timeout.md');
    expect(runbookPathOf('EVMBlockLag')).toBe('docs/runbooks/evm-block-lag.md');
    expect(runbookPathOf('LLMDailySpendHigh')).toBe('docs/runbooks/llm-daily-spend-high.md');
  });
});

describe(checkRuleConventions.name, () => {
  it('accepts rules that carry everything', () => {
    const rules = validRules();
    expect(checkRuleConventions(rules, runbooksOf(rules))).toEqual([]);
  });

  it('names a missing runbook file, a wrong link, bad labels and missing annotations', () => {
    const rules = validRules();
    const runbooks = runbooksOf(rules);
    runbooks.delete('docs/runbooks/api-server-down.md');
    rules[1] = alert(rules[1]!.alert!, {
      labels: { severity: 'page' },
      annotations: { summary: 's', runbook_url: 'https://wiki/x' },
    });
    expect(checkRuleConventions(rules, runbooks)).toEqual([
      'rules/x.yml: APIServerDown: runbook docs/runbooks/api-server-down.md does not exist',
      'rules/x.yml: OracleServiceDown: label severity must be one of critical, warning, info (is page)',
      'rules/x.yml: OracleServiceDown: label component must be one of api, oracle, contracts, indexer, unlocks, database, messaging, platform, alerting (is missing)',
      'rules/x.yml: OracleServiceDown: annotation description is missing',
      `rules/x.yml: OracleServiceDown: annotation runbook_url must be ${RUNBOOK_BASE_URL}docs/runbooks/oracle-service-down.md (is https://wiki/x)`,
    ]);
  });

  it('requires 30 alerts, unique names and every alert the issue names', () => {
    const rules = validRules().filter((r) => r.alert !== 'VRFCallbackTimeout');
    rules.push(alert('APIServerDown'));
    const problems = checkRuleConventions(rules, runbooksOf(rules));
    expect(problems).toEqual([
      'rules/x.yml: APIServerDown: the alert name is used twice',
      'the alert VRFCallbackTimeout is required but no rule defines it',
    ]);
    expect(checkRuleConventions(rules.slice(0, 5), runbooksOf(rules))).toContain(
      'only 5 alerting rules; at least 30 are expected',
    );
  });
});
