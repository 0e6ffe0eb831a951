import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { KAFKA, MessagingMetrics, OutboxRelay, OutboxStore } from '@convergence/messaging';
import type { Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { ENGINE_ENV, SERVICE_NAME, type UnlockEngineEnv } from '../config/env';

/**
 * Runs the backbone's outbox relay under a name that includes KAFKA_CONSUMER_GROUP_PREFIX: the
 * relay keeps its last published batch as a Kafka group offset named after the service, and two
 * environments (or test schemas) sharing a cluster under the same name would take each other's
 * batch numbers for their own and mark unsent rows as published.
 */
@Injectable()
export class EngineOutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly relay?: OutboxRelay;

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    @InjectDataSource() dataSource: DataSource,
    @Inject(ENGINE_ENV) env: UnlockEngineEnv,
    metrics: MessagingMetrics,
  ) {
    if (!env.UNLOCK_OUTBOX_RELAY_ENABLED) return;
    this.relay = new OutboxRelay(kafka, new OutboxStore(dataSource), metrics, {
      serviceName: `${env.KAFKA_CONSUMER_GROUP_PREFIX}${SERVICE_NAME}`,
      pollIntervalMs: env.UNLOCK_OUTBOX_POLL_MS,
      batchSize: env.UNLOCK_OUTBOX_BATCH_SIZE,
      replicationFactor: env.KAFKA_REPLICATION_FACTOR,
    });
  }

  onApplicationBootstrap(): void {
    this.relay?.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay?.stop();
  }
}
