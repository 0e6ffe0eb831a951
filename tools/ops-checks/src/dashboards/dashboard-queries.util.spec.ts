import { metricNamesIn } from '../promql/promql-metric-names.util';
import { checkMetricReferences } from '../metrics/metric-references.check';
import { checkDashboards, dashboardQueriesOf, REQUIRED_DASHBOARDS } from './dashboard-queries.util';

const ds = { type: 'prometheus', uid: 'prometheus' };

const dashboard = {
  uid: 'convergence-system-health',
  title: 'System Health',
  panels: [
    {
      title: 'Up',
      datasource: ds,
      targets: [{ refId: 'A', expr: 'sum by (service) (up{service=~"$service"})' }],
    },
    {
      type: 'row',
      title: 'Collapsed',
      panels: [
        {
          title: 'Typo',
          datasource: ds,
          targets: [{ refId: 'A', datasource: ds, expr: 'rate(http_request_total[5m])' }],
        },
      ],
    },
  ],
  templating: {
    list: [
      { name: 'service', type: 'query', query: { query: 'label_values(up, service)' } },
      { name: 'job', type: 'query', query: 'label_values(job)' },
      { name: 'range', type: 'interval', query: '1m,5m' },
    ],
  },
};

describe(dashboardQueriesOf.name, () => {
  it('collects panel targets (rows included) and query variables', () => {
    const summary = dashboardQueriesOf(dashboard, 'd.json');
    expect(summary.queries.map((q) => [q.where, q.expr])).toEqual([
      ['d.json: panel "Up"', 'sum by (service) (up{service=~"$service"})'],
      ['d.json: panel "Typo"', 'rate(http_request_total[5m])'],
      ['d.json: variable $service', 'up'],
    ]);
    expect(summary.panelCount).toBe(2);
  });

  it('lets the metric check fail a dashboard that queries an unknown metric', () => {
    const references = dashboardQueriesOf(dashboard, 'd.json').queries.flatMap((q) =>
      metricNamesIn(q.expr).map((metric) => ({ metric, where: q.where })),
    );
    const report = checkMetricReferences(references, {
      exported: new Map([['http_requests_total', 'libs/telemetry']]),
      fromExporters: new Map([['up', 'prometheus']]),
      pending: [],
    });
    expect(report.problems).toEqual([
      'd.json: panel "Typo" uses http_request_total, which no service registers, no allow-listed exporter provides and pending-metrics.yml does not list',
    ]);
  });
});

describe(checkDashboards.name, () => {
  const summaries = REQUIRED_DASHBOARDS.map((title, i) =>
    dashboardQueriesOf({ ...dashboard, uid: `u${i}`, title, templating: undefined }, `${i}.json`),
  );

  it('accepts the five dashboards on the Prometheus datasource', () => {
    expect(checkDashboards(summaries, 'prometheus')).toEqual([]);
  });

  it('names duplicate uids, a foreign datasource and a missing dashboard', () => {
    const broken = [
      ...summaries.slice(1),
      dashboardQueriesOf(
        {
          uid: 'u1',
          title: 'Other',
          panels: [{ title: 'P', datasource: { uid: 'loki' }, targets: [{ expr: 'up' }] }],
        },
        'x.json',
      ),
    ];
    expect(checkDashboards(broken, 'prometheus')).toEqual([
      'x.json: uid u1 is also used by 1.json',
      'x.json: panel "P": uses datasource loki, not the provisioned Prometheus (prometheus)',
      'no dashboard is titled "Contract Health"',
    ]);
  });
});
