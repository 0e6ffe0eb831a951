import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMetricsRegistry } from '@convergence/telemetry';
import { parse } from 'yaml';
import { exporterMetrics } from './exporter-metrics';
import { scanRegistrations, seriesNamesOf, type MetricType } from './exported-metrics.util';
import type { MetricCatalogue } from './metric-references.check';
import { parsePendingMetrics } from './pending-metrics.util';

/** The source folders whose prom-client registrations count as exported by the services. */
export const EXPORTING_FOLDERS = ['apps', 'libs'] as const;

/** Built from the repository: what the services register, exporter allow-lists and the pending list. */
export interface BuiltCatalogue extends MetricCatalogue {
  /** Registrations whose name is not a string literal (cannot be checked; each one is a problem). */
  unresolved: string[];
}

/**
 * Scans apps/ and libs/ for prom-client registrations, adds the default Node process metrics every
 * service registry collects (asked from prom-client itself through libs/telemetry's factory), the
 * exporter allow-lists and tools/ops-checks/pending-metrics.yml.
 */
export async function buildMetricCatalogue(root: string, pendingFile: string): Promise<BuiltCatalogue> {
  const exported = new Map<string, string>();
  const unresolved: string[] = [];
  for (const registration of scanRegistrations(root, EXPORTING_FOLDERS)) {
    if (!registration.name) {
      unresolved.push(
        `${registration.file}:${registration.line} registers a metric whose name is not a string literal`,
      );
      continue;
    }
    for (const series of seriesNamesOf(registration.name, registration.type)) {
      exported.set(series, `${registration.file}:${registration.line}`);
    }
  }
  const defaults = await createMetricsRegistry({ serviceName: 'ops-checks' }).getMetricsAsJSON();
  for (const metric of defaults) {
    for (const series of seriesNamesOf(metric.name, String(metric.type) as MetricType)) {
      if (!exported.has(series))
        exported.set(series, 'prom-client default metrics (libs/telemetry createMetricsRegistry)');
    }
  }
  const fromExporters = new Map(
    exporterMetrics.flatMap((e) => e.metrics.map((m) => [m, e.exporter] as const)),
  );
  const pending = parsePendingMetrics(parse(readFileSync(join(root, pendingFile), 'utf8')));
  return { exported, fromExporters, pending, unresolved };
}
