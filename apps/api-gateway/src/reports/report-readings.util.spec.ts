import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { parsePromText } from './prom-text.util';
import { processStartOf, readingsOf } from './report-readings.util';

describe(parsePromText.name, () => {
  it('reads names, escaped label values and special values', () => {
    const text = [
      '# HELP x_total a counter',
      '# TYPE x_total counter',
      'x_total{path="/a\\"b",note="line\\nbreak"} 3',
      'y_bucket{le="+Inf"} 7 1700000000000',
      'z Nan',
      'w -Inf',
      '',
    ].join('\n');
    const samples = parsePromText(text);
    expect(samples[0]).toEqual({ name: 'x_total', labels: { path: '/a"b', note: 'line\nbreak' }, value: 3 });
    expect(samples[1]).toEqual({ name: 'y_bucket', labels: { le: '+Inf' }, value: 7 });
    expect(samples[2]!.value).toBeNaN();
    expect(samples[3]!.value).toBe(-Infinity);
  });

  it('refuses a line that is not a sample, quoting it', () => {
    expect(() => parsePromText('http_requests_total{route="/a" 3')).toThrow('not a Prometheus sample line');
  });
});

describe(readingsOf.name, () => {
  it("sums what prom-client exposes for the gateway into the report's readings, probes excluded", async () => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    const requests = new Counter({
      name: 'http_requests_total',
      help: 'h',
      labelNames: ['method', 'route', 'status_code'],
      registers: [registry],
    });
    const duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'h',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.1, 0.5],
      registers: [registry],
    });
    requests.inc({ method: 'GET', route: '/api/unlocks', status_code: '200' }, 8);
    requests.inc({ method: 'GET', route: '/api/unlocks', status_code: '502' }, 2);
    requests.inc({ method: 'GET', route: '/metrics', status_code: '200' }, 50);
    duration.observe({ method: 'GET', route: '/api/unlocks', status_code: '200' }, 0.05);
    duration.observe({ method: 'GET', route: '/api/unlocks', status_code: '502' }, 0.3);
    duration.observe({ method: 'GET', route: '/ready', status_code: '200' }, 0.01);

    const samples = parsePromText(await registry.metrics());
    expect(readingsOf('api-gateway', samples)).toEqual({
      api_requests: 10,
      api_errors_5xx: 2,
      'api_latency_bucket:0.1': 1,
      'api_latency_bucket:0.5': 2,
      'api_latency_bucket:+Inf': 2,
    });
    const started = processStartOf(samples)!;
    expect(Math.abs(started.getTime() - (Date.now() - process.uptime() * 1000))).toBeLessThan(2_000);
  });

  it("reads the oracle's LLM calls, latency and cost", async () => {
    const registry = new Registry();
    const latency = new Histogram({
      name: 'oracle_llm_request_duration_seconds',
      help: 'h',
      labelNames: ['purpose', 'outcome'],
      buckets: [1, 2],
      registers: [registry],
    });
    const cost = new Counter({
      name: 'oracle_llm_cost_usd_total',
      help: 'h',
      labelNames: ['model'],
      registers: [registry],
    });
    latency.observe({ purpose: 'sentiment', outcome: 'ok' }, 0.5);
    latency.observe({ purpose: 'interpretation', outcome: 'ok' }, 1.5);
    cost.inc({ model: 'a' }, 0.25);
    cost.inc({ model: 'b' }, 0.5);
    expect(readingsOf('oracle', parsePromText(await registry.metrics()))).toEqual({
      llm_calls: 2,
      llm_cost_usd: 0.75,
      'llm_latency_bucket:1': 1,
      'llm_latency_bucket:2': 2,
      'llm_latency_bucket:+Inf': 2,
    });
  });
});
