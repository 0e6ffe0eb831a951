import { metricNamesIn, PromqlSyntaxError } from './promql-metric-names.util';

describe(metricNamesIn.name, () => {
  it('finds a bare selector', () => {
    expect(metricNamesIn('up == 0')).toEqual(['up']);
  });

  it('skips functions, aggregations, grouping labels and matcher labels', () => {
    const expr =
      'histogram_quantile(0.95, sum by (service, le) (rate(http_request_duration_seconds_bucket{service="api-gateway", le!="x"}[5m]))) > 1';
    expect(metricNamesIn(expr)).toEqual(['http_request_duration_seconds_bucket']);
  });

  it('finds both sides of binary operators with on/ignoring/group_left label lists', () => {
    const expr =
      'sum by (service, instance) (db_client_connection_count{state="used"}) / on (service, instance) group_left (pod) max by (service, instance) (db_client_connection_max) > 0.9';
    expect(metricNamesIn(expr)).toEqual(['db_client_connection_count', 'db_client_connection_max']);
  });

  it('handles aggregations written with the grouping after the call and without parentheses next', () => {
    expect(metricNamesIn('sum(rate(a_total[5m])) by (job) / count without (x) (b)')).toEqual([
      'a_total',
      'b',
    ]);
  });

  it('reads {__name__="..."} selectors and ignores string contents elsewhere', () => {
    expect(
      metricNamesIn(
        '{__name__="kafka_brokers", job="not_a_metric"} or label_replace(c, "dst", "$1", "src", "(.*)")',
      ),
    ).toEqual(['c', 'kafka_brokers']);
  });

  it('ignores Grafana variables, durations, offsets, numbers and keywords', () => {
    const expr =
      'rate(x_total{service=~"$service"}[$__rate_interval]) offset 1h30m > 1e3 and bool y unless z @ start() or vector(NaN) + Inf';
    expect(metricNamesIn(expr)).toEqual(['x_total', 'y', 'z']);
  });

  it('keeps names with colons (recording rules)', () => {
    expect(metricNamesIn('job:http_requests:rate5m > 0')).toEqual(['job:http_requests:rate5m']);
  });

  it('rejects an unterminated string', () => {
    expect(() => metricNamesIn('up{job="x}')).toThrow(PromqlSyntaxError);
  });
});
