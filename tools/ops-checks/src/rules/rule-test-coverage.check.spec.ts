import type { PrometheusRule } from './load-rules.util';
import { checkRuleTestCoverage, ruleTestFileOf } from './rule-test-coverage.check';

const rule = (alert: string): PrometheusRule => ({
  file: 'rules/a.yml',
  group: 'a',
  alert,
  expr: 'up == 0',
  labels: {},
  annotations: {},
});

const testFile = ruleTestFileOf(
  {
    rule_files: ['../rules/a.yml'],
    tests: [
      {
        alert_rule_test: [
          { eval_time: '1m', alertname: 'Down', exp_alerts: [] },
          { eval_time: '5m', alertname: 'Down', exp_alerts: [{ exp_labels: { severity: 'critical' } }] },
          { eval_time: '5m', alertname: 'Slow', exp_alerts: [{ exp_labels: {} }] },
          { eval_time: '5m', alertname: 'Gone' },
        ],
      },
    ],
  },
  'tests/a.test.yml',
);

describe(checkRuleTestCoverage.name, () => {
  it('reads firing and silent cases from a promtool test file', () => {
    expect(testFile.cases).toEqual([
      { alertname: 'Down', firing: false },
      { alertname: 'Down', firing: true },
      { alertname: 'Slow', firing: true },
      { alertname: 'Gone', firing: false },
    ]);
  });

  it('passes an alert with a firing and a silent case', () => {
    expect(checkRuleTestCoverage([rule('Down')], [testFile]).filter((p) => p.includes('Down'))).toEqual([]);
  });

  it('names alerts missing either kind of case and tests of alerts that do not exist', () => {
    expect(checkRuleTestCoverage([rule('Down'), rule('Slow'), rule('Untested')], [testFile])).toEqual([
      'tests/a.test.yml: tests Gone, which no rule defines',
      'rules/a.yml: Slow has no unit test in which it stays silent',
      'rules/a.yml: Untested has no unit test in which it fires',
      'rules/a.yml: Untested has no unit test in which it stays silent',
    ]);
  });
});
