import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { runCommand } from '../tools/run-command';
import { opsPaths } from '../workspace';
import { checkRenderedManifests, type K8sObject } from './rendered-manifests.check';

/** The environments with a values file, and whether their services autoscale. */
export const CHART_ENVIRONMENTS = [
  { name: 'devnet', expectAutoscaling: false, expectPodMonitor: false },
  { name: 'testnet', expectAutoscaling: true, expectPodMonitor: true },
  { name: 'mainnet', expectAutoscaling: true, expectPodMonitor: true },
] as const;

/** Kubernetes version the chart is rendered for (the chart needs ≥ 1.27). */
export const KUBE_VERSION = '1.31.0';

/**
 * `helm lint` (values validated by values.schema.json) and `helm template` for each environment,
 * then the rendered objects through checkRenderedManifests. Mainnet is rendered with a stand-in
 * release tag, and must refuse to render without one.
 */
export async function checkHelmChart(helm: string, root: string): Promise<string[]> {
  const chart = join(root, opsPaths.helmChart);
  const routingYaml = readFileSync(join(root, opsPaths.alertRouterRouting), 'utf8');
  const problems: string[] = [];
  for (const env of CHART_ENVIRONMENTS) {
    const values = [
      '-f',
      join(chart, `values-${env.name}.yaml`),
      ...(env.name === 'mainnet' ? ['--set', 'image.tag=0.0.0-check'] : []),
    ];
    const lint = await runCommand(helm, ['lint', chart, '--strict', ...values]);
    if (lint.code !== 0)
      problems.push(`helm lint (${env.name}) failed:\n${(lint.stdout + lint.stderr).trim()}`);
    const rendered = await runCommand(helm, [
      'template',
      'convergence',
      chart,
      '--namespace',
      `convergence-${env.name}`,
      '--kube-version',
      KUBE_VERSION,
      ...values,
    ]);
    if (rendered.code !== 0) {
      problems.push(`helm template (${env.name}) failed:\n${rendered.stderr.trim()}`);
      continue;
    }
    const objects = parseAllDocuments(rendered.stdout)
      .map((d) => d.toJS() as K8sObject | null)
      .filter((o): o is K8sObject => !!o);
    problems.push(
      ...checkRenderedManifests(env.name, objects, {
        expectAutoscaling: env.expectAutoscaling,
        expectPodMonitor: env.expectPodMonitor,
        routingYaml,
      }),
    );
  }
  const untagged = await runCommand(helm, [
    'template',
    'convergence',
    chart,
    '--kube-version',
    KUBE_VERSION,
    '-f',
    join(chart, 'values-mainnet.yaml'),
  ]);
  if (untagged.code === 0 || !untagged.stderr.includes('image.tag must be set')) {
    problems.push('mainnet renders without image.tag; it must refuse (the release tag is mandatory there)');
  }
  return problems;
}
