import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { mapLimited, resolveReceivers } from './alerting/amtool-routes';
import { checkInhibitRules, type InhibitRuleShape } from './alerting/inhibit-rules.check';
import { expectedAlertmanagerReceivers, expectedReceivers } from './alerting/routing-policy';
import { checkScrapeTargets } from './compose/scrape-targets.check';
import {
  checkDashboards,
  dashboardQueriesOf,
  type DashboardSummary,
} from './dashboards/dashboard-queries.util';
import { checkHelmChart } from './helm/helm-chart.check';
import { exporterMetrics } from './metrics/exporter-metrics';
import { buildMetricCatalogue } from './metrics/metric-catalogue';
import { checkMetricReferences, type MetricReference } from './metrics/metric-references.check';
import { metricNamesIn } from './promql/promql-metric-names.util';
import { loadRules, yamlFilesIn, type PrometheusRule } from './rules/load-rules.util';
import { checkRuleConventions, runbookPathOf } from './rules/rule-conventions.check';
import { checkRuleTestCoverage, ruleTestFileOf } from './rules/rule-test-coverage.check';
import { runbookQueriesOf } from './runbooks/runbook-queries.util';
import { checkRunbooks } from './runbooks/runbook-structure.check';
import type { OpsTool } from './tools/ensure-tool';
import { runCommand } from './tools/run-command';
import { opsPaths } from './workspace';

/** What every check gets: the repository root, the tools' paths, a file reader and a place for notes. */
export interface CheckContext {
  root: string;
  tools: Record<OpsTool, string>;
  read: (workspacePath: string) => string;
  /** Printed after all checks (e.g. the metrics still awaited from the services). */
  notes: string[];
}

/** One named check; returns its problems (empty: passed). */
export interface DeployCheck {
  name: string;
  run: (context: CheckContext) => Promise<string[]>;
}

async function tool(context: CheckContext, name: OpsTool, args: string[]): Promise<string[]> {
  const result = await runCommand(context.tools[name], args, { cwd: context.root });
  return result.code === 0
    ? []
    : [`${name} ${args.join(' ')} failed:\n${(result.stdout + result.stderr).trim()}`];
}

const rulesOf = (context: CheckContext): PrometheusRule[] => loadRules(context.root, opsPaths.rulesDir);
const alertsOf = (context: CheckContext) =>
  rulesOf(context).filter((r): r is PrometheusRule & { alert: string } => !!r.alert);

function dashboardsOf(context: CheckContext): DashboardSummary[] {
  return readdirSync(join(context.root, opsPaths.dashboardsDir))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => `${opsPaths.dashboardsDir}/${f}`)
    .map((file) => dashboardQueriesOf(JSON.parse(context.read(file)), file));
}

function runbookFiles(context: CheckContext): string[] {
  return readdirSync(join(context.root, opsPaths.runbooksDir))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `${opsPaths.runbooksDir}/${f}`);
}

/** Every check `check-deploy` runs, in order. */
export const deployChecks: readonly DeployCheck[] = [
  {
    name: 'promtool check config (prometheus.yml and its rule files)',
    run: (c) => tool(c, 'promtool', ['check', 'config', opsPaths.prometheusConfig]),
  },
  {
    name: 'promtool check rules',
    run: (c) => tool(c, 'promtool', ['check', 'rules', ...yamlFilesIn(c.root, opsPaths.rulesDir)]),
  },
  {
    name: 'promtool test rules (unit tests of every alert)',
    run: (c) => tool(c, 'promtool', ['test', 'rules', ...yamlFilesIn(c.root, opsPaths.ruleTestsDir)]),
  },
  {
    name: 'alert labels, annotations and runbook links',
    run: async (c) => checkRuleConventions(rulesOf(c), new Set(runbookFiles(c))),
  },
  {
    name: 'every alert has a firing and a silent unit test',
    run: async (c) =>
      checkRuleTestCoverage(
        rulesOf(c),
        yamlFilesIn(c.root, opsPaths.ruleTestsDir).map((f) => ruleTestFileOf(parse(c.read(f)), f)),
      ),
  },
  {
    name: 'runbooks (one per alert, four sections, commands)',
    run: async (c) => {
      const alertByRunbook = new Map(alertsOf(c).map((r) => [runbookPathOf(r.alert), r.alert]));
      return checkRunbooks(
        runbookFiles(c).map((path) => ({ path, text: c.read(path) })),
        alertByRunbook,
      );
    },
  },
  {
    name: 'amtool check-config (alertmanager.yml, alert-router routing.yml)',
    run: (c) => tool(c, 'amtool', ['check-config', opsPaths.alertmanagerConfig, opsPaths.alertRouterRouting]),
  },
  {
    name: 'amtool config routes test (every alert reaches its receivers)',
    run: async (c) => {
      const alerts = alertsOf(c);
      const verdicts = await mapLimited(alerts, 4, async (rule) => {
        const labels = {
          alertname: rule.alert,
          severity: rule.labels['severity'] ?? '',
          component: rule.labels['component'] ?? '',
        };
        const problems: string[] = [];
        const routed = await resolveReceivers(c.tools.amtool, opsPaths.alertRouterRouting, labels);
        const wanted = expectedReceivers(labels.severity, labels.component);
        if (routed.join(',') !== wanted.join(',')) {
          problems.push(
            `routing.yml sends ${rule.alert} to ${routed.join(', ')}; the policy wants ${wanted.join(', ')}`,
          );
        }
        const services = rule.alert === 'ServiceDown' ? ['alert-router', 'oracle'] : [''];
        for (const service of services) {
          const amLabels = service ? { ...labels, service } : labels;
          const viaAlertmanager = await resolveReceivers(
            c.tools.amtool,
            opsPaths.alertmanagerConfig,
            amLabels,
          );
          const expected = expectedAlertmanagerReceivers(amLabels);
          if (viaAlertmanager.join(',') !== expected.join(',')) {
            problems.push(
              `alertmanager.yml sends ${rule.alert}${service ? `{service=${service}}` : ''} to ${viaAlertmanager.join(', ')}; expected ${expected.join(', ')}`,
            );
          }
        }
        return problems;
      });
      return verdicts.flat();
    },
  },
  {
    name: 'inhibit rules name existing alerts',
    run: async (c) => {
      const routing = parse(c.read(opsPaths.alertRouterRouting)) as { inhibit_rules?: InhibitRuleShape[] };
      return checkInhibitRules(routing.inhibit_rules ?? [], new Set(alertsOf(c).map((r) => r.alert)));
    },
  },
  {
    name: 'Grafana dashboards (the five, unique uids, Prometheus datasource, provisioning)',
    run: async (c) => {
      const problems = checkDashboards(dashboardsOf(c), 'prometheus');
      if (!existsSync(join(c.root, opsPaths.dashboardProvider)))
        problems.push(`${opsPaths.dashboardProvider} is missing`);
      return problems;
    },
  },
  {
    name: 'every metric in rules, dashboards and runbook queries is exported (or allow-listed / pending)',
    run: async (c) => {
      const references: MetricReference[] = [
        ...rulesOf(c).flatMap((r) =>
          metricNamesIn(r.expr).map((metric) => ({ metric, where: `${r.file}: ${r.alert ?? r.record}` })),
        ),
        ...dashboardsOf(c).flatMap((d) =>
          d.queries.flatMap((q) => metricNamesIn(q.expr).map((metric) => ({ metric, where: q.where }))),
        ),
        ...runbookFiles(c).flatMap((path) =>
          runbookQueriesOf(c.read(path), path).flatMap((q) =>
            metricNamesIn(q.expr).map((metric) => ({ metric, where: q.where })),
          ),
        ),
      ];
      const catalogue = await buildMetricCatalogue(c.root, opsPaths.pendingMetrics);
      const report = checkMetricReferences(references, catalogue);
      if (report.awaited.length) {
        c.notes.push(
          `metrics used by rules/dashboards that services do not export yet (${opsPaths.pendingMetrics}): ${report.awaited.length}`,
          ...report.awaited.map(
            (p) =>
              `  ${p.owner}: ${p.metric} (${p.type}${p.labels.length ? `; ${p.labels.join(', ')}` : ''})`,
          ),
        );
      }
      return [...catalogue.unresolved, ...report.problems];
    },
  },
  {
    name: 'prometheus.yml scrapes every docker-compose service and exporter',
    run: async (c) =>
      checkScrapeTargets(
        parse(c.read(opsPaths.dockerCompose)),
        parse(c.read(opsPaths.prometheusConfig)),
        exporterMetrics,
      ),
  },
  {
    name: 'helm lint + helm template per environment, rendered manifests',
    run: (c) => checkHelmChart(c.tools.helm, c.root),
  },
];
