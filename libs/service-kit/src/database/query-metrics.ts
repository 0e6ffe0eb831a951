import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { METRICS_REGISTRY } from '@convergence/telemetry';
import { Histogram, type Registry } from 'prom-client';
import type { DataSource, EntitySubscriberInterface } from 'typeorm';

const OPERATIONS = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'WITH', 'BEGIN', 'COMMIT', 'ROLLBACK']);

/**
 * The operation a statement names, as the `operation` label: its first keyword when it is one of
 * SELECT, INSERT, UPDATE, DELETE, WITH, BEGIN, COMMIT, ROLLBACK, else OTHER (DDL, LISTEN, SET, …),
 * so the label's values stay few whatever SQL runs.
 */
export function operationOf(sql: string): string {
  const keyword = /^\s*([A-Za-z]+)/.exec(sql)?.[1]?.toUpperCase() ?? '';
  return OPERATIONS.has(keyword) ? keyword : 'OTHER';
}

/**
 * Every SQL statement the service's TypeORM data source runs, timed: `db_client_operation_duration_seconds`
 * {operation} (OpenTelemetry's `db.client.operation.duration`), from TypeORM's `afterQuery` event —
 * which times each statement from send to result with millisecond resolution. Failed statements carry
 * no duration and are not observed. The weekly report's "DB query time" is its p95.
 */
@Injectable()
export class QueryMetrics {
  constructor(@InjectDataSource() dataSource: DataSource, @Inject(METRICS_REGISTRY) registry: Registry) {
    const duration = new Histogram({
      name: 'db_client_operation_duration_seconds',
      help: 'Duration of SQL statements run through TypeORM, by operation (ms resolution).',
      labelNames: ['operation'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
      registers: [registry],
    });
    const subscriber: EntitySubscriberInterface = {
      afterQuery(event) {
        if (event.success && event.executionTime !== undefined)
          duration.observe({ operation: operationOf(event.query) }, event.executionTime / 1000);
      },
    };
    dataSource.subscribers.push(subscriber);
  }
}
