import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ProblemDetailsFilter } from '@convergence/service-kit';
import { AppModule } from '../app.module';
import { envSchema } from '../config/env';
import { routerOptionsOf } from '../router-options';
import type { ManualTime } from '../time/manual-time';

/** An alert-router running in this process on a ManualTime, against the test stack's Postgres and Kafka. */
export interface RouterUnderTest {
  readonly app: INestApplication;
  readonly url: string;
  readonly time: ManualTime;
  readonly configFile: string;
  /** Rewrites the routing config file (then POST /-/reload to apply it). */
  writeConfig(yaml: string): void;
  post(path: string, body: unknown): Promise<Response>;
  get<T>(path: string): Promise<T>;
  close(): Promise<void>;
}

export interface RouterSpec {
  readonly databaseUrl: string;
  readonly schema: string;
  readonly config: string;
  readonly time: ManualTime;
  /** Reuse a config file (a restarted router reads the same one). */
  readonly configFile?: string;
  readonly env?: Record<string, string>;
}

/**
 * Boots the real AppModule (HTTP on a free loopback port) with the clock and scheduler of `time`,
 * so tests move time with `time.advanceBy` instead of sleeping through group waits.
 */
export async function startRouter(spec: RouterSpec): Promise<RouterUnderTest> {
  const configFile =
    spec.configFile ?? join(mkdtempSync(join(tmpdir(), 'alert-router-')), 'alert-router.yml');
  if (!spec.configFile) writeFileSync(configFile, spec.config);
  const env = envSchema.parse({
    DATABASE_URL: spec.databaseUrl,
    DATABASE_SCHEMA: spec.schema,
    KAFKA_BROKERS: process.env['KAFKA_BROKERS'] ?? '',
    KAFKA_CONSUMER_GROUP_PREFIX: `${spec.schema}.`,
    LOG_LEVEL: 'warn',
    ALERT_ROUTER_CONFIG_FILE: configFile,
    ALERT_ROUTER_OUTBOX_RELAY: 'false',
    RECEIVER_INITIAL_BACKOFF_MS: '1',
    RECEIVER_MAX_BACKOFF_MS: '5',
    ...spec.env,
  });
  const app = await NestFactory.create(
    AppModule.register(env, {
      clock: spec.time.clock,
      scheduler: spec.time,
      options: { ...routerOptionsOf(env), reloadOnSighup: false },
    }),
    { logger: process.env['ROUTER_TEST_LOGS'] ? ['error', 'warn', 'log', 'debug'] : ['error', 'warn'] },
  );
  app.useGlobalFilters(new ProblemDetailsFilter());
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    url,
    time: spec.time,
    configFile,
    writeConfig: (yaml) => writeFileSync(configFile, yaml),
    post: (path, body) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    get: async <T>(path: string) => (await (await fetch(`${url}${path}`)).json()) as T,
    close: () => app.close(),
  };
}
