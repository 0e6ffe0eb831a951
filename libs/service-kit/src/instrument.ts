// Entry `@convergence/service-kit/instrument`: what an app's instrument.ts calls before anything else
// loads. Nothing here may import Nest, pg, kafkajs or typeorm, or OpenTelemetry cannot patch them.
import { type ServiceEnv, loadEnvOrExit } from '@convergence/config';
import { type TelemetryHandle, createLogger, startTelemetry } from '@convergence/telemetry';
import type { Logger } from 'pino';
import type { z } from 'zod';

export interface InstrumentedService<TEnv extends ServiceEnv = ServiceEnv> {
  serviceName: string;
  env: TEnv;
  telemetry: TelemetryHandle;
  logger: Logger;
}

/**
 * Validates the environment (exit 78 naming every bad variable), starts OpenTelemetry and creates
 * the service logger.
 *
 * @example
 * export const service = instrumentService('oracle', envSchema, process.env);
 */
export function instrumentService<TSchema extends z.ZodType<ServiceEnv, z.ZodTypeDef, unknown>>(
  serviceName: string,
  schema: TSchema,
  source: Record<string, string | undefined>,
): InstrumentedService<z.infer<TSchema>> {
  const env = loadEnvOrExit(serviceName, schema, source);
  const telemetry = startTelemetry({
    serviceName,
    otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT,
    sampleRatio: env.OTEL_TRACES_SAMPLER_RATIO,
  });
  const logger = createLogger({ serviceName, level: env.LOG_LEVEL });
  return { serviceName, env, telemetry, logger };
}
