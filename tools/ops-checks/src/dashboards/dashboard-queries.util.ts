/** A provisioned dashboard reduced to what the checks read. */
export interface DashboardSummary {
  file: string;
  uid: string;
  title: string;
  /** Every PromQL expression: panel targets (rows included) and query variables, with where it is. */
  queries: { where: string; expr: string; datasourceUid?: string }[];
  panelCount: number;
}

interface PanelShape {
  title?: string;
  datasource?: { uid?: string };
  targets?: { expr?: string; datasource?: { uid?: string } }[];
  panels?: PanelShape[];
}

interface DashboardShape {
  uid?: string;
  title?: string;
  panels?: PanelShape[];
  templating?: { list?: { name?: string; type?: string; query?: string | { query?: string } }[] };
}

/**
 * The queries of a Grafana dashboard JSON: each panel target's `expr` (also inside collapsed rows)
 * and each query variable (`label_values(up, service)` yields `up`; a one-argument label_values
 * selects no metric).
 *
 * @example dashboardQueriesOf(JSON.parse(text), 'deploy/grafana/dashboards/system-health.json')
 */
export function dashboardQueriesOf(dashboard: unknown, file: string): DashboardSummary {
  const shape = (dashboard ?? {}) as DashboardShape;
  const queries: DashboardSummary['queries'] = [];
  let panelCount = 0;
  const walk = (panels: PanelShape[] | undefined): void => {
    for (const panel of panels ?? []) {
      if (panel.targets) panelCount++;
      for (const target of panel.targets ?? []) {
        if (target.expr) {
          queries.push({
            where: `${file}: panel "${panel.title ?? '?'}"`,
            expr: target.expr,
            datasourceUid: target.datasource?.uid ?? panel.datasource?.uid,
          });
        }
      }
      walk(panel.panels);
    }
  };
  walk(shape.panels);
  for (const variable of shape.templating?.list ?? []) {
    if (variable.type !== 'query') continue;
    const query = typeof variable.query === 'string' ? variable.query : (variable.query?.query ?? '');
    const labelValues = /^\s*label_values\((.*)\)\s*$/s.exec(query);
    const expr = labelValues
      ? labelValues[1]!.includes(',')
        ? labelValues[1]!.slice(0, labelValues[1]!.lastIndexOf(','))
        : ''
      : query;
    if (expr.trim()) queries.push({ where: `${file}: variable $${variable.name ?? '?'}`, expr });
  }
  return { file, uid: shape.uid ?? '', title: shape.title ?? '', queries, panelCount };
}

/** The dashboards the operations issue asks for, by title. */
export const REQUIRED_DASHBOARDS = [
  'Contract Health',
  'Oracle Operations',
  'User Growth',
  'System Health',
  'Chain Indexing',
];

/** Unique uids, every required dashboard present, every query on the provisioned Prometheus datasource. */
export function checkDashboards(dashboards: readonly DashboardSummary[], prometheusUid: string): string[] {
  const problems: string[] = [];
  const uids = new Map<string, string>();
  for (const d of dashboards) {
    if (!d.uid) problems.push(`${d.file}: has no uid (provisioned dashboards need a stable one)`);
    else if (uids.has(d.uid)) problems.push(`${d.file}: uid ${d.uid} is also used by ${uids.get(d.uid)}`);
    else uids.set(d.uid, d.file);
    if (d.panelCount === 0) problems.push(`${d.file}: has no panel with queries`);
    for (const q of d.queries) {
      if (q.where.includes(': panel ') && q.datasourceUid !== prometheusUid) {
        problems.push(
          `${q.where}: uses datasource ${q.datasourceUid ?? '(none)'}, not the provisioned Prometheus (${prometheusUid})`,
        );
      }
    }
  }
  for (const title of REQUIRED_DASHBOARDS) {
    if (!dashboards.some((d) => d.title === title)) problems.push(`no dashboard is titled "${title}"`);
  }
  return problems;
}
