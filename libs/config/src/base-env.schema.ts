import { z } from 'zod';

export const portSchema = (fallback: number) => z.coerce.number().int().min(1).max(65_535).default(fallback);

const booleanString = z
  .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1');

const brokerList = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(z.string().regex(/^[^\s:]+:\d{1,5}$/, 'each broker must be host:port'))
      .min(1, 'needs at least one host:port'),
  );

/** What every service needs: where it listens, its database schema, Kafka, telemetry. */
export const baseEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  KAFKA_BROKERS: brokerList,
  KAFKA_SSL: booleanString.default('false'),
  KAFKA_SASL_MECHANISM: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']).optional(),
  KAFKA_SASL_USERNAME: z.string().optional(),
  KAFKA_SASL_PASSWORD: z.string().optional(),
  KAFKA_CONSUMER_GROUP_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9._-]*$/, 'letters, digits, . _ - only')
    .default(''),
  KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6_000).max(300_000).default(30_000),
  KAFKA_TOPIC_PARTITIONS: z.coerce.number().int().min(1).max(1_000).default(3),
  KAFKA_REPLICATION_FACTOR: z.coerce.number().int().min(1).max(10).default(1),
  OUTBOX_RELAY_BATCH_SIZE: z.coerce.number().int().min(1).max(5_000).default(500),
  OUTBOX_RELAY_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(250),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  OTEL_TRACES_SAMPLER_RATIO: z.coerce.number().min(0).max(1).default(1),
});

export type BaseEnv = z.infer<typeof baseEnvSchema>;

/**
 * A service's env schema: the base plus its default port and database schema; extend it with the
 * service's own variables.
 *
 * @example
 * export const envSchema = serviceEnvSchema({ port: 3003, schema: 'oracle' }).extend({ ANTHROPIC_API_KEY: z.string().optional() });
 */
export function serviceEnvSchema(defaults: { port: number; schema: string }) {
  return baseEnvSchema.extend({
    PORT: portSchema(defaults.port),
    DATABASE_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/, 'must be a lowercase SQL identifier')
      .default(defaults.schema),
  });
}

export type ServiceEnv = z.infer<ReturnType<typeof serviceEnvSchema>>;
