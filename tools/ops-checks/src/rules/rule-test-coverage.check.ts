import type { PrometheusRule } from './load-rules.util';

/** The parts of a `promtool test rules` file the coverage check reads. */
export interface RuleTestFile {
  file: string;
  ruleFiles: string[];
  /** Every `alert_rule_test` case: which alert, and whether it expects it to fire. */
  cases: { alertname: string; firing: boolean }[];
}

interface TestFileShape {
  rule_files?: string[];
  tests?: { alert_rule_test?: { alertname?: string; exp_alerts?: unknown[] }[] }[];
}

/** Reads a parsed promtool test file. */
export function ruleTestFileOf(document: unknown, file: string): RuleTestFile {
  const shape = (document ?? {}) as TestFileShape;
  return {
    file,
    ruleFiles: shape.rule_files ?? [],
    cases: (shape.tests ?? []).flatMap((test) =>
      (test.alert_rule_test ?? []).map((c) => ({
        alertname: String(c.alertname ?? ''),
        firing: (c.exp_alerts ?? []).length > 0,
      })),
    ),
  };
}

/**
 * Every alert has a unit test in which it fires and one in which it stays silent, and no test names
 * an alert that does not exist (promtool would just see it never fire).
 *
 * @example checkRuleTestCoverage(rules, [ruleTestFileOf(doc, 'tests/x.test.yml')])
 */
export function checkRuleTestCoverage(
  rules: readonly PrometheusRule[],
  testFiles: readonly RuleTestFile[],
): string[] {
  const problems: string[] = [];
  const alertNames = new Set(rules.flatMap((r) => (r.alert ? [r.alert] : [])));
  const firing = new Set<string>();
  const silent = new Set<string>();
  for (const testFile of testFiles) {
    for (const c of testFile.cases) {
      if (!alertNames.has(c.alertname))
        problems.push(`${testFile.file}: tests ${c.alertname}, which no rule defines`);
      (c.firing ? firing : silent).add(c.alertname);
    }
  }
  for (const rule of rules) {
    if (!rule.alert) continue;
    if (!firing.has(rule.alert))
      problems.push(`${rule.file}: ${rule.alert} has no unit test in which it fires`);
    if (!silent.has(rule.alert))
      problems.push(`${rule.file}: ${rule.alert} has no unit test in which it stays silent`);
  }
  return problems;
}
