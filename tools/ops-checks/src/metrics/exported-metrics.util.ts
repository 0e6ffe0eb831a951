import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** prom-client's metric classes, as registered in service code. */
export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary';

const CLASS_TYPES: Record<string, MetricType> = {
  Counter: 'counter',
  Gauge: 'gauge',
  Histogram: 'histogram',
  Summary: 'summary',
};

/** One `new Counter|Gauge|Histogram|Summary({ name: '...' })` found in source. */
export interface MetricRegistration {
  name: string;
  type: MetricType;
  /** Workspace-relative file and 1-based line of the registration. */
  file: string;
  line: number;
}

/** Test and tooling files whose registrations are not something a service exports. */
const NOT_PRODUCTION = /(\.spec|\.integration-spec|\.fixture|\.bench)\.ts$|\/(testing|bench|fixtures)\//;

/**
 * The prom-client metrics registered in one TypeScript source: each `new X({ name: '...' })` where X
 * is Counter, Gauge, Histogram or Summary (also as `client.Counter`). A registration whose name is not
 * a string literal is returned with an empty name, so callers can flag it.
 *
 * @example registrationsIn("new Counter({ name: 'x_total', help: 'x' })", 'a.ts') // [{ name: 'x_total', type: 'counter', ... }]
 */
export function registrationsIn(source: string, file: string): MetricRegistration[] {
  if (!source.includes('prom-client')) return [];
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const found: MetricRegistration[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node)) {
      const callee = node.expression;
      const className = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : undefined;
      const type = className ? CLASS_TYPES[className] : undefined;
      const options = node.arguments?.[0];
      if (type && options && ts.isObjectLiteralExpression(options)) {
        const nameProperty = options.properties.find(
          (p): p is ts.PropertyAssignment =>
            ts.isPropertyAssignment(p) &&
            (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) &&
            p.name.text === 'name',
        );
        if (nameProperty) {
          const init = nameProperty.initializer;
          const name = ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init) ? init.text : '';
          const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
          found.push({ name, type, file, line });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** The series names Prometheus stores for a metric: histograms and summaries add _sum/_count (and _bucket). */
export function seriesNamesOf(name: string, type: MetricType): string[] {
  switch (type) {
    case 'counter':
    case 'gauge':
      return [name];
    case 'histogram':
      return [`${name}_bucket`, `${name}_sum`, `${name}_count`];
    case 'summary':
      return [name, `${name}_sum`, `${name}_count`];
  }
}

/** Every production registration under the given workspace folders (e.g. `apps`, `libs`). */
export function scanRegistrations(root: string, folders: readonly string[]): MetricRegistration[] {
  const registrations: MetricRegistration[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        const file = relative(root, path);
        if (NOT_PRODUCTION.test('/' + file)) continue;
        registrations.push(...registrationsIn(readFileSync(path, 'utf8'), file));
      }
    }
  };
  for (const folder of folders) walk(join(root, folder));
  return registrations;
}
