import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** One alerting or recording rule as written in a Prometheus rule file. */
export interface PrometheusRule {
  /** Workspace-relative rule file. */
  file: string;
  group: string;
  alert?: string;
  record?: string;
  expr: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

interface RuleFileShape {
  groups?: { name: string; rules?: Partial<PrometheusRule & { labels: unknown; annotations: unknown }>[] }[];
}

/** The rules of one parsed rule file (`groups[].rules[]`). */
export function rulesOf(document: unknown, file: string): PrometheusRule[] {
  const shape = (document ?? {}) as RuleFileShape;
  return (shape.groups ?? []).flatMap((group) =>
    (group.rules ?? []).map((rule) => ({
      file,
      group: group.name,
      alert: rule.alert,
      record: rule.record,
      expr: String(rule.expr ?? ''),
      labels: (rule.labels ?? {}) as Record<string, string>,
      annotations: (rule.annotations ?? {}) as Record<string, string>,
    })),
  );
}

/** Every `*.yml` under a folder (workspace-relative names), sorted. */
export function yamlFilesIn(root: string, dir: string): string[] {
  return readdirSync(join(root, dir))
    .filter((name) => name.endsWith('.yml') || name.endsWith('.yaml'))
    .sort()
    .map((name) => `${dir}/${name}`);
}

/** Every rule of every rule file in `dir`. */
export function loadRules(root: string, dir: string): PrometheusRule[] {
  return yamlFilesIn(root, dir).flatMap((file) =>
    rulesOf(parse(readFileSync(join(root, file), 'utf8')), file),
  );
}
