import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import type { BaseEnv } from '@convergence/config';
import { KafkaReadinessCheck, MessagingModule } from '@convergence/messaging';
import type { TopicDefinition } from '@convergence/schemas';
import { HealthModule, MetricsModule, PostgresReadinessCheck } from '@convergence/telemetry';
import type { DataSource, DataSourceOptions } from 'typeorm';
import { POOL_MAX, PoolMetrics } from './database/pool-metrics';
import { QueryMetrics } from './database/query-metrics';
import { openServiceDataSource, serviceDataSourceOptions } from './database/service-data-source';

export interface ServiceKitOptions {
  serviceName: string;
  env: BaseEnv & { DATABASE_SCHEMA: string };
  entities: NonNullable<DataSourceOptions['entities']>;
  migrations: NonNullable<DataSourceOptions['migrations']>;
  /** Topics the service produces (created when missing). */
  produces: TopicDefinition[];
  /** Relay this service's outbox to Kafka (one replica at a time). */
  outboxRelay?: boolean;
}

/**
 * What every Convergence service runs on: Postgres in its own schema with migrations applied at
 * boot, Kafka messaging, Prometheus metrics and `/health`, `/ready`, `/metrics`.
 *
 * @example
 * imports: [ServiceKitModule.forRoot({ serviceName: 'oracle', env, entities, migrations, produces: [topics.oracleSentiment] })]
 */
@Module({})
export class ServiceKitModule {
  static forRoot(options: ServiceKitOptions): DynamicModule {
    const { env } = options;
    return {
      module: ServiceKitModule,
      imports: [
        MetricsModule.forRoot({ serviceName: options.serviceName }),
        TypeOrmModule.forRootAsync({
          useFactory: () =>
            serviceDataSourceOptions({
              url: env.DATABASE_URL,
              schema: env.DATABASE_SCHEMA,
              serviceName: options.serviceName,
              entities: options.entities,
              migrations: options.migrations,
              poolMax: env.DATABASE_POOL_MAX,
            }),
          dataSourceFactory: (dataSourceOptions) => openServiceDataSource(dataSourceOptions!),
        }),
        MessagingModule.forRoot({
          serviceName: options.serviceName,
          brokers: env.KAFKA_BROKERS,
          ssl: env.KAFKA_SSL,
          sasl:
            env.KAFKA_SASL_MECHANISM && env.KAFKA_SASL_USERNAME && env.KAFKA_SASL_PASSWORD
              ? ({
                  mechanism: env.KAFKA_SASL_MECHANISM,
                  username: env.KAFKA_SASL_USERNAME,
                  password: env.KAFKA_SASL_PASSWORD,
                } as never)
              : undefined,
          consumerGroupPrefix: env.KAFKA_CONSUMER_GROUP_PREFIX,
          consumerSessionTimeoutMs: env.KAFKA_SESSION_TIMEOUT_MS,
          topicPartitions: env.KAFKA_TOPIC_PARTITIONS,
          replicationFactor: env.KAFKA_REPLICATION_FACTOR,
          produces: options.produces,
          outboxRelay: {
            enabled: options.outboxRelay ?? false,
            batchSize: env.OUTBOX_RELAY_BATCH_SIZE,
            pollIntervalMs: env.OUTBOX_RELAY_POLL_INTERVAL_MS,
          },
        }),
        HealthModule.forRoot({
          inject: [getDataSourceToken(), KafkaReadinessCheck],
          useFactory: (dataSource: DataSource, kafka: KafkaReadinessCheck) => [
            new PostgresReadinessCheck(dataSource),
            kafka,
          ],
        }),
      ],
      providers: [{ provide: POOL_MAX, useValue: env.DATABASE_POOL_MAX }, PoolMetrics, QueryMetrics],
    };
  }
}
