import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { deadLetterTopicOf } from '@convergence/schemas';
import type { Kafka } from 'kafkajs';
import { ConsumerHost } from './consumer/consumer-host';
import { ensureTopics } from './kafka-client';
import { KafkaReadinessCheck } from './kafka-readiness.check';
import { KAFKA, MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';
import { OutboxRelay } from './outbox/outbox-relay';
import { EventProducer } from './producer/event-producer';

/** Order matters: topics exist before anyone subscribes; consumers stop before the database closes. */
@Injectable()
export class MessagingLifecycle
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger(MessagingLifecycle.name);

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions & { producedTopics: string[] },
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly producer: EventProducer,
    private readonly consumers: ConsumerHost,
    private readonly readiness: KafkaReadinessCheck,
    @Optional() private readonly relay?: OutboxRelay,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const consumed = [...this.consumers.topics];
    const created = await ensureTopics(
      this.kafka,
      [...this.options.producedTopics, ...consumed, ...consumed.map(deadLetterTopicOf)],
      { partitions: this.options.topicPartitions, replicationFactor: this.options.replicationFactor },
    );
    if (created.length > 0) this.logger.log({ msg: 'topics created', topics: created });
    await this.producer.connect();
    await this.consumers.startAll();
    this.relay?.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumers.stopAll();
    await this.relay?.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
    await this.readiness.close();
  }
}
