import { join, resolve } from 'node:path';

/** The repository root, found from this file so the checks run the same from any working directory. */
export const WORKSPACE_ROOT = resolve(__dirname, '../../..');

/** Paths of the operations files the checks read, relative to the repository root. */
export const opsPaths = {
  prometheusConfig: 'deploy/prometheus/prometheus.yml',
  rulesDir: 'deploy/prometheus/rules',
  ruleTestsDir: 'deploy/prometheus/tests',
  alertmanagerConfig: 'deploy/alertmanager/alertmanager.yml',
  alertRouterRouting: 'deploy/alert-router/routing.yml',
  dashboardsDir: 'deploy/grafana/dashboards',
  dashboardProvider: 'deploy/grafana/provisioning/dashboards/dashboards.yml',
  helmChart: 'deploy/helm/convergence',
  runbooksDir: 'docs/runbooks',
  dockerCompose: 'docker-compose.yml',
  pendingMetrics: 'tools/ops-checks/pending-metrics.yml',
} as const;

/** Absolute path of a file in the repository. */
export function inWorkspace(...parts: string[]): string {
  return join(WORKSPACE_ROOT, ...parts);
}
