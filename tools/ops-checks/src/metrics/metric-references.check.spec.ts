import { checkMetricReferences, type MetricCatalogue } from './metric-references.check';

const catalogue: MetricCatalogue = {
  exported: new Map([
    ['http_requests_total', 'libs/telemetry/src/metrics/http.metrics.ts:34'],
    ['process_cpu_seconds_total', 'prom-client default metrics'],
  ]),
  fromExporters: new Map([['pg_up', 'postgres_exporter']]),
  pending: [
    { metric: 'oracle_llm_spend_today_usd', owner: 'oracle', type: 'gauge', labels: [], meaning: 'spend' },
  ],
};

describe(checkMetricReferences.name, () => {
  it('accepts exported, exporter and pending metrics and lists the pending ones in use', () => {
    const report = checkMetricReferences(
      [
        { metric: 'http_requests_total', where: 'a' },
        { metric: 'pg_up', where: 'b' },
        { metric: 'oracle_llm_spend_today_usd', where: 'c' },
      ],
      catalogue,
    );
    expect(report.problems).toEqual([]);
    expect(report.awaited.map((p) => p.metric)).toEqual(['oracle_llm_spend_today_usd']);
  });

  it('fails on a metric nothing provides, naming where it is used', () => {
    const report = checkMetricReferences(
      [
        { metric: 'oracle_llm_spend_today_usd', where: 'c' },
        {
          metric: 'http_request_total',
          where: 'deploy/grafana/dashboards/system-health.json: panel "Requests"',
        },
      ],
      catalogue,
    );
    expect(report.problems).toEqual([
      'deploy/grafana/dashboards/system-health.json: panel "Requests" uses http_request_total, which no service registers, no allow-listed exporter provides and pending-metrics.yml does not list',
    ]);
  });

  it('fails when a pending metric is exported by now, or no longer used', () => {
    const report = checkMetricReferences([{ metric: 'http_requests_total', where: 'a' }], {
      ...catalogue,
      pending: [
        { metric: 'http_requests_total', owner: 'telemetry', type: 'counter', labels: [], meaning: 'x' },
        { metric: 'oracle_llm_spend_today_usd', owner: 'oracle', type: 'gauge', labels: [], meaning: 'x' },
      ],
    });
    expect(report.problems).toEqual([
      'pending-metrics.yml lists http_requests_total, but libs/telemetry/src/metrics/http.metrics.ts:34 registers it now: remove the entry',
      'pending-metrics.yml lists oracle_llm_spend_today_usd, which no rule or dashboard uses: remove the entry',
    ]);
  });
});
