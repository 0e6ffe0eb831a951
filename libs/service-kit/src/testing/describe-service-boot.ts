import type { DataSourceOptions } from 'typeorm';
import { createWorkerDatabase } from '@convergence/dev-stack';
import { randomBytes } from 'node:crypto';
import {
  openServiceDataSource,
  pendingSchemaChanges,
  serviceDataSourceOptions,
} from '../database/service-data-source';
import { spawnService, waitForReady } from './service-process';

export interface ServiceBootSpec {
  app: string;
  entities: NonNullable<DataSourceOptions['entities']>;
  migrations: NonNullable<DataSourceOptions['migrations']>;
}

/**
 * The boot contract every service keeps, as one suite per app: migrations match entities, the
 * process becomes ready on real Postgres and Kafka, serves metrics, shuts down cleanly on SIGTERM,
 * and refuses to start on a bad variable, naming it.
 */
export function describeServiceBoot({ app, entities, migrations }: ServiceBootSpec): void {
  describe(`${app} boot`, () => {
    let databaseUrl: string;
    const kafkaBrokers = process.env['KAFKA_BROKERS'] ?? '';

    beforeAll(async () => {
      databaseUrl = await createWorkerDatabase();
    });

    it('has a committed migration for every entity column and index', async () => {
      const schema = `drift_${randomBytes(3).toString('hex')}`;
      const dataSource = await openServiceDataSource(
        serviceDataSourceOptions({
          url: databaseUrl,
          schema,
          serviceName: app,
          entities,
          migrations,
          poolMax: 2,
        }),
      );
      try {
        expect(await pendingSchemaChanges(dataSource)).toEqual([]);
      } finally {
        await dataSource.destroy();
      }
    });

    it('migrates, becomes ready on Postgres and Kafka, serves metrics and stops cleanly', async () => {
      const service = await spawnService(app, {
        DATABASE_URL: databaseUrl,
        KAFKA_BROKERS: kafkaBrokers,
        KAFKA_CONSUMER_GROUP_PREFIX: `boot-${randomBytes(3).toString('hex')}.`,
      });
      try {
        await waitForReady(service);
        const health = await fetch(`${service.url}/health`);
        expect(health.status).toBe(200);
        const ready = (await (await fetch(`${service.url}/ready`)).json()) as {
          checks: Record<string, { status: string }>;
        };
        expect(ready.checks['postgres']?.status).toBe('up');
        expect(ready.checks['kafka']?.status).toBe('up');
        const metrics = await fetch(`${service.url}/metrics`);
        expect(metrics.headers.get('content-type')).toContain('text/plain');
        const text = await metrics.text();
        expect(text).toMatch(/^http_requests_total\{.*route="\/ready".*\} [1-9]/m);
        expect(text).toContain('process_cpu_seconds_total');
        expect(text).toMatch(/^db_client_connection_max(\{[^}]*\})? [1-9]\d*$/m);
        expect(text).toMatch(/^db_client_connection_count\{[^}]*state="used"[^}]*\} \d+$/m);
        expect(text).toMatch(/^db_client_connection_count\{[^}]*state="idle"[^}]*\} \d+$/m);
        // The readiness checks above ran SELECTs through TypeORM.
        expect(text).toMatch(
          /^db_client_operation_duration_seconds_count\{[^}]*operation="SELECT"[^}]*\} [1-9]/m,
        );
      } finally {
        expect(await service.stop()).toBe(0);
        expect(service.output()).toContain('shutdown complete');
      }
    });

    it('refuses to start on a bad variable and names it', async () => {
      const service = await spawnService(app, {
        DATABASE_URL: 'mysql://nope',
        KAFKA_BROKERS: kafkaBrokers,
        PORT: '99999',
      });
      const code = await service.exited;
      expect(code).toBe(78);
      expect(service.output()).toContain('DATABASE_URL: must be a postgres:// URL');
      expect(service.output()).toContain('PORT:');
    });
  });
}
