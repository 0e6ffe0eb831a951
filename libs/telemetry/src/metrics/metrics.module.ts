import {
  Module,
  RequestMethod,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import type { Registry } from 'prom-client';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { HttpMetrics } from './http.metrics';
import { MetricsController } from './metrics.controller';
import { createMetricsRegistry, type MetricsRegistryOptions } from './metrics-registry.factory';
import { METRICS_REGISTRY } from './metrics.tokens';

export type MetricsModuleOptions = MetricsRegistryOptions;

/**
 * Global module: a per-service prom-client Registry under METRICS_REGISTRY, HttpMetrics recorded for
 * every request by route template, and `GET /metrics`. Exclude `metrics` from any global prefix.
 *
 * @example
 * // app.module.ts (decorator omitted: a leading at-sign would end this JSDoc example)
 * imports: [MetricsModule.forRoot({ serviceName: 'alert-router' })],
 *
 * // anywhere else, for service metrics:
 * constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
 *   this.sent = new Counter({ name: 'alerts_sent_total', help: '...', registers: [registry] });
 * }
 */
@Module({})
export class MetricsModule implements NestModule {
  static forRoot(options: MetricsModuleOptions): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      controllers: [MetricsController],
      providers: [
        { provide: METRICS_REGISTRY, useFactory: () => createMetricsRegistry(options) },
        {
          provide: HttpMetrics,
          useFactory: (registry: Registry) => new HttpMetrics(registry),
          inject: [METRICS_REGISTRY],
        },
        HttpMetricsMiddleware,
      ],
      exports: [METRICS_REGISTRY, HttpMetrics],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes({ path: '*', method: RequestMethod.ALL });
  }
}
