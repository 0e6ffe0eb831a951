import { Counter, Histogram, type Registry } from 'prom-client';

type HttpLabel = 'method' | 'route' | 'status_code';

export interface HttpRequestSample {
  method: string;
  /** Route template (`/alerts/:id`), never the raw URL; `unmatched` when no route matched. */
  route: string;
  statusCode: number;
  durationSeconds: number;
}

/** Seconds; from a 5 ms cache hit to a 10 s upstream timeout. */
export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The route label of requests no route matched (404s, probes of random paths). */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * RED metrics for an HTTP server: `http_requests_total` and `http_request_duration_seconds`, both
 * labelled by method, route template and status code. Reuses the series when the registry already has them.
 *
 * @example
 * const http = new HttpMetrics(registry);
 * http.record({ method: 'GET', route: '/alerts/:id', statusCode: 200, durationSeconds: 0.012 });
 */
export class HttpMetrics {
  readonly requests: Counter<HttpLabel>;
  readonly duration: Histogram<HttpLabel>;

  constructor(registry: Registry) {
    this.requests =
      (registry.getSingleMetric('http_requests_total') as Counter<HttpLabel> | undefined) ??
      new Counter({
        name: 'http_requests_total',
        help: 'HTTP requests served, by method, route template and status code.',
        labelNames: ['method', 'route', 'status_code'],
        registers: [registry],
      });
    this.duration =
      (registry.getSingleMetric('http_request_duration_seconds') as Histogram<HttpLabel> | undefined) ??
      new Histogram({
        name: 'http_request_duration_seconds',
        help: 'HTTP request duration in seconds, from first byte in to last byte out.',
        labelNames: ['method', 'route', 'status_code'],
        buckets: HTTP_DURATION_BUCKETS,
        registers: [registry],
      });
  }

  /** Counts one finished request and observes its duration. */
  record(sample: HttpRequestSample): void {
    const labels = { method: sample.method, route: sample.route, status_code: String(sample.statusCode) };
    this.requests.inc(labels);
    this.duration.observe(labels, sample.durationSeconds);
  }
}
