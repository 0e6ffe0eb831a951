import { type DynamicModule, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { METRICS_REGISTRY } from '@convergence/telemetry';
import type { TopicDefinition } from '@convergence/schemas';
import type { Kafka } from 'kafkajs';
import type { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { ConsumerHost } from './consumer/consumer-host';
import { DeadLetterService } from './dead-letter/dead-letter.service';
import { IdempotencyService } from './idempotency/idempotency.service';
import { createKafkaClient } from './kafka-client';
import { KafkaReadinessCheck } from './kafka-readiness.check';
import { MessagingLifecycle } from './messaging.lifecycle';
import { MessagingMetrics } from './messaging.metrics';
import { KAFKA, MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';
import { DEFAULT_OUTBOX_BATCH_SIZE, OutboxRelay } from './outbox/outbox-relay';
import { OutboxService } from './outbox/outbox.service';
import { OutboxStore } from './outbox/outbox.store';
import { EventProducer } from './producer/event-producer';

export interface MessagingModuleOptions extends MessagingOptions {
  /** Topics this service produces, created at start when missing. */
  produces: TopicDefinition[];
}

/**
 * Kafka for a Nest service: producer, consumer host, idempotency, outbox and its relay. Needs
 * TypeOrmModule (for the default DataSource) and the telemetry MetricsModule.
 *
 * @example
 * MessagingModule.forRoot({ serviceName: 'oracle', brokers: ['127.0.0.1:9092'], topicPartitions: 3,
 *   replicationFactor: 1, produces: [topics.oracleSentiment], outboxRelay: { enabled: true } })
 */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    const relayEnabled = options.outboxRelay?.enabled ?? false;
    return {
      module: MessagingModule,
      global: true,
      providers: [
        {
          provide: MESSAGING_OPTIONS,
          useValue: { ...options, producedTopics: options.produces.map((t) => t.name) },
        },
        { provide: KAFKA, useFactory: () => createKafkaClient(options) },
        {
          provide: MessagingMetrics,
          useFactory: (r: Registry) => new MessagingMetrics(r),
          inject: [METRICS_REGISTRY],
        },
        {
          provide: EventProducer,
          useFactory: (k: Kafka, m: MessagingMetrics) => new EventProducer(k, m),
          inject: [KAFKA, MessagingMetrics],
        },
        {
          provide: ConsumerHost,
          useFactory: (k: Kafka, p: EventProducer, m: MessagingMetrics) =>
            new ConsumerHost(k, p, m, options.consumerGroupPrefix ?? '', options.consumerSessionTimeoutMs),
          inject: [KAFKA, EventProducer, MessagingMetrics],
        },
        {
          provide: IdempotencyService,
          useFactory: (ds: DataSource) => new IdempotencyService(ds),
          inject: [getDataSourceToken()],
        },
        {
          provide: DeadLetterService,
          useFactory: (k: Kafka, p: EventProducer) => new DeadLetterService(k, p),
          inject: [KAFKA, EventProducer],
        },
        { provide: OutboxService, useValue: new OutboxService() },
        {
          provide: KafkaReadinessCheck,
          useFactory: (k: Kafka) => new KafkaReadinessCheck(k),
          inject: [KAFKA],
        },
        ...(relayEnabled
          ? [
              {
                provide: OutboxRelay,
                useFactory: (k: Kafka, ds: DataSource, m: MessagingMetrics) =>
                  new OutboxRelay(k, new OutboxStore(ds), m, {
                    // Prefixed like the consumer groups: environments sharing one cluster keep apart positions.
                    serviceName: `${options.consumerGroupPrefix ?? ''}${options.serviceName}`,
                    pollIntervalMs: options.outboxRelay?.pollIntervalMs ?? 250,
                    batchSize: options.outboxRelay?.batchSize ?? DEFAULT_OUTBOX_BATCH_SIZE,
                    replicationFactor: options.replicationFactor,
                  }),
                inject: [KAFKA, getDataSourceToken(), MessagingMetrics],
              },
            ]
          : []),
        MessagingLifecycle,
      ],
      exports: [
        KAFKA,
        EventProducer,
        ConsumerHost,
        DeadLetterService,
        IdempotencyService,
        OutboxService,
        KafkaReadinessCheck,
        MessagingMetrics,
      ],
    };
  }
}
