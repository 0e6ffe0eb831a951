// Imported first by main.ts: OpenTelemetry must patch http, pg, kafkajs and Nest before they load.
import { loadEnvOrExit } from '@convergence/config';
import { createLogger, startTelemetry } from '@convergence/telemetry';
import { SERVICE_NAME, envSchema } from './config/env';

export const env = loadEnvOrExit(SERVICE_NAME, envSchema, process.env);
export const telemetry = startTelemetry({
  serviceName: SERVICE_NAME,
  otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT,
  sampleRatio: env.OTEL_TRACES_SAMPLER_RATIO,
});
export const logger = createLogger({ serviceName: SERVICE_NAME, level: env.LOG_LEVEL });
