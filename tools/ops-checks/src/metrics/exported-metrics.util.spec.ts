import { registrationsIn, seriesNamesOf } from './exported-metrics.util';

describe(registrationsIn.name, () => {
  it('finds each prom-client class with a literal name, including client.X and template literals', () => {
    const source = `
      import { Counter, Histogram } from 'prom-client';
      import * as client from 'prom-client';
      const a = new Counter({ name: 'oracle_settlements_total', help: 'h', registers: [r] });
      const b = new Histogram({ help: 'h', name: \`oracle_settlement_duration_seconds\`, buckets: [1] });
      const c = new client.Gauge({ 'name': 'oracle_settlements_queued', help: 'h' });
      const d = new client.Summary({ name: 'oracle_llm_latency', help: 'h' });
    `;
    expect(
      registrationsIn(source, 'apps/oracle/src/metrics.ts').map((r) => [r.name, r.type, r.line]),
    ).toEqual([
      ['oracle_settlements_total', 'counter', 4],
      ['oracle_settlement_duration_seconds', 'histogram', 5],
      ['oracle_settlements_queued', 'gauge', 6],
      ['oracle_llm_latency', 'summary', 7],
    ]);
  });

  it('reports a computed name as empty so the check can flag it', () => {
    const source = "import { Gauge } from 'prom-client'; new Gauge({ name: prefix + '_lag', help: 'h' });";
    expect(registrationsIn(source, 'x.ts')).toEqual([{ name: '', type: 'gauge', file: 'x.ts', line: 1 }]);
  });

  it('ignores other classes and files that do not use prom-client', () => {
    expect(registrationsIn("import { Counter } from 'prom-client'; new Map({ name: 'x' });", 'x.ts')).toEqual(
      [],
    );
    expect(registrationsIn("class Counter {} new Counter({ name: 'x_total' });", 'x.ts')).toEqual([]);
  });
});

describe(seriesNamesOf.name, () => {
  it('adds the series Prometheus stores for histograms and summaries', () => {
    expect(seriesNamesOf('d_seconds', 'histogram')).toEqual([
      'd_seconds_bucket',
      'd_seconds_sum',
      'd_seconds_count',
    ]);
    expect(seriesNamesOf('q', 'summary')).toEqual(['q', 'q_sum', 'q_count']);
    expect(seriesNamesOf('c_total', 'counter')).toEqual(['c_total']);
  });
});
