import type { PendingMetric } from './pending-metrics.util';

/** A metric name used by a rule expression or a dashboard query, and where. */
export interface MetricReference {
  metric: string;
  /** e.g. `deploy/prometheus/rules/oracle.yml: LLMDailySpendHigh`. */
  where: string;
}

/** What may be referenced: series our code registers, exporter allow-lists, and the pending list. */
export interface MetricCatalogue {
  /** Series name → where it is registered (`apps/oracle/src/x.ts:12`, `prom-client default metrics`). */
  exported: ReadonlyMap<string, string>;
  /** Series name → the exporter providing it. */
  fromExporters: ReadonlyMap<string, string>;
  pending: readonly PendingMetric[];
}

/** The verdict: problems fail the check; `awaited` are the pending metrics in use (a to-do list). */
export interface MetricReferenceReport {
  problems: string[];
  awaited: PendingMetric[];
}

/**
 * Checks every reference against the catalogue. Fails on a metric nobody provides, on a pending
 * entry that is exported by now (remove it from the list) and on a pending entry nothing uses.
 *
 * @example checkMetricReferences([{ metric: 'up', where: 'x' }], catalogue).problems // []
 */
export function checkMetricReferences(
  references: readonly MetricReference[],
  catalogue: MetricCatalogue,
): MetricReferenceReport {
  const problems: string[] = [];
  const pendingByName = new Map(catalogue.pending.map((p) => [p.metric, p]));
  const used = new Set<string>();
  for (const { metric, where } of references) {
    used.add(metric);
    if (catalogue.exported.has(metric) || catalogue.fromExporters.has(metric) || pendingByName.has(metric))
      continue;
    problems.push(
      `${where} uses ${metric}, which no service registers, no allow-listed exporter provides and pending-metrics.yml does not list`,
    );
  }
  for (const pending of catalogue.pending) {
    const registeredAt = catalogue.exported.get(pending.metric);
    if (registeredAt) {
      problems.push(
        `pending-metrics.yml lists ${pending.metric}, but ${registeredAt} registers it now: remove the entry`,
      );
    } else if (!used.has(pending.metric)) {
      problems.push(
        `pending-metrics.yml lists ${pending.metric}, which no rule or dashboard uses: remove the entry`,
      );
    }
  }
  const awaited = catalogue.pending.filter((p) => used.has(p.metric) && !catalogue.exported.has(p.metric));
  return { problems, awaited };
}
