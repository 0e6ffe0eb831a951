import type { DataSource } from 'typeorm';
import type { ReadinessCheck } from './readiness-check';

/**
 * Ready when the TypeORM DataSource is initialized and PostgreSQL answers `select 1`.
 *
 * @example
 * HealthModule.forRoot({
 *   inject: [DataSource],
 *   useFactory: (dataSource: DataSource) => [new PostgresReadinessCheck(dataSource)],
 * });
 */
export class PostgresReadinessCheck implements ReadinessCheck {
  constructor(
    private readonly dataSource: Pick<DataSource, 'isInitialized' | 'query'>,
    readonly name: string = 'postgres',
  ) {}

  async check(): Promise<void> {
    if (!this.dataSource.isInitialized) throw new Error('data source is not initialized');
    await this.dataSource.query('select 1');
  }
}
