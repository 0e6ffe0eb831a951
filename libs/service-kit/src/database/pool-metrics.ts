import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { METRICS_REGISTRY } from '@convergence/telemetry';
import { Gauge, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';

/** The part of node-postgres' `Pool` the gauges read. */
export interface PoolStats {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
}

/** node-postgres' pool behind a TypeORM Postgres data source (`driver.master`), once it is connected. */
export function poolOf(dataSource: DataSource): PoolStats | undefined {
  const master = (dataSource.driver as unknown as { master?: Partial<PoolStats> }).master;
  return typeof master?.totalCount === 'number' ? (master as PoolStats) : undefined;
}

/** Injection token of the configured pool size. */
export const POOL_MAX = Symbol('convergence.service-kit.pool-max');

/**
 * The service's PostgreSQL pool as Prometheus gauges, read at scrape time, named after OpenTelemetry's
 * `db.client.connection.*` metrics: `db_client_connection_count{state="used"|"idle"}`,
 * `db_client_connection_max` and `db_client_connection_pending_requests`. DatabaseConnectionPoolExhausted
 * (deploy/prometheus/rules) fires on used / max.
 */
@Injectable()
export class PoolMetrics {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(METRICS_REGISTRY) registry: Registry,
    @Inject(POOL_MAX) poolMax: number,
  ) {
    new Gauge({
      name: 'db_client_connection_count',
      help: 'PostgreSQL pool connections by state (used: checked out by a query or transaction; idle: open, unused).',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        const pool = poolOf(dataSource);
        this.set({ state: 'used' }, pool ? pool.totalCount - pool.idleCount : 0);
        this.set({ state: 'idle' }, pool ? pool.idleCount : 0);
      },
    });
    new Gauge({
      name: 'db_client_connection_max',
      help: 'Largest number of PostgreSQL connections the pool may open (DATABASE_POOL_MAX).',
      registers: [registry],
      collect() {
        this.set(poolMax);
      },
    });
    new Gauge({
      name: 'db_client_connection_pending_requests',
      help: 'Queries waiting for a free PostgreSQL pool connection.',
      registers: [registry],
      collect() {
        this.set(poolOf(dataSource)?.waitingCount ?? 0);
      },
    });
  }
}
