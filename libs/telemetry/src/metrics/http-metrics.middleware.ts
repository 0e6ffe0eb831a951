import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import { HttpMetrics, UNMATCHED_ROUTE } from './http.metrics';

/** What Express adds to the request once a route matched (Nest 11 on platform-express). */
interface RoutedRequest extends IncomingMessage {
  baseUrl?: string;
  route?: { path?: unknown };
}

/**
 * Records every HTTP request into HttpMetrics, labelled by the matched Express route template.
 * A middleware rather than an interceptor because interceptors never see 404s or requests a guard
 * or pipe rejected. MetricsModule.forRoot applies it to all routes; apps need not reference it.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware<RoutedRequest, ServerResponse> {
  constructor(private readonly metrics: HttpMetrics) {}

  use(req: RoutedRequest, res: ServerResponse, next: (error?: unknown) => void): void {
    const started = process.hrtime.bigint();
    // Nest mounts middleware as a wildcard Express route, so req.route may already be set here.
    const mountedAs = req.route;
    let recorded = false;
    const record = (): void => {
      if (recorded) return;
      recorded = true;
      this.metrics.record({
        method: req.method ?? 'UNKNOWN',
        route: req.route === mountedAs ? UNMATCHED_ROUTE : routeTemplateOf(req),
        statusCode: res.statusCode,
        durationSeconds: Number(process.hrtime.bigint() - started) / 1e9,
      });
    };
    // 'close' alone covers clients that hang up before the response finished.
    res.once('finish', record);
    res.once('close', record);
    next();
  }
}

// Read when the response ends: Express sets req.route only once routing reached a handler.
function routeTemplateOf(req: RoutedRequest): string {
  const path = req.route?.path;
  if (typeof path !== 'string') return UNMATCHED_ROUTE;
  return `${req.baseUrl ?? ''}${path}` || '/';
}
