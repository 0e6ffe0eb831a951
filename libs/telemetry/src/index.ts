// Loaded by each app's instrument.ts before the instrumented libraries: nothing here may import
// @nestjs/core, pg, kafkajs or typeorm at runtime (start-telemetry.spec.ts checks it).
export { startTelemetry, type TelemetryOptions, type TelemetryHandle } from './tracing/start-telemetry';
export { TelemetryAlreadyStartedError } from './tracing/telemetry-already-started.error';
export {
  injectTraceHeaders,
  extractTraceContext,
  type OutgoingKafkaHeaders,
  type TraceHeaders,
  type IncomingKafkaHeaders,
} from './tracing/kafka-headers.util';
export { createMetricsRegistry, type MetricsRegistryOptions } from './metrics/metrics-registry.factory';
export {
  HttpMetrics,
  HTTP_DURATION_BUCKETS,
  UNMATCHED_ROUTE,
  type HttpRequestSample,
} from './metrics/http.metrics';
export { HttpMetricsMiddleware } from './metrics/http-metrics.middleware';
export { MetricsController } from './metrics/metrics.controller';
export { MetricsModule, type MetricsModuleOptions } from './metrics/metrics.module';
export { METRICS_REGISTRY } from './metrics/metrics.tokens';
export { createLogger, REDACTED_LOG_PATHS, type LoggerOptions } from './logging/logger.factory';
export { PinoNestLogger } from './logging/pino-nest.logger';
export { READINESS_CHECKS, type ReadinessCheck } from './health/readiness-check';
export {
  runReadinessChecks,
  DEFAULT_READINESS_TIMEOUT_MS,
  type ReadinessReport,
  type CheckResult,
} from './health/readiness.runner';
export { HealthController } from './health/health.controller';
export { HealthModule, type HealthModuleOptions } from './health/health.module';
export { PostgresReadinessCheck } from './health/postgres-readiness.check';
