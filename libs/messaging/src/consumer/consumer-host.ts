import type { TopicDefinition } from '@convergence/schemas';
import type { Kafka } from 'kafkajs';
import type { EventProducer } from '../producer/event-producer';
import type { MessagingMetrics } from '../messaging.metrics';
import type { ConsumerDefinition } from './consumer-definition';
import { TopicConsumer } from './topic-consumer';

/**
 * Where a service's consumers register (in `onModuleInit`); the messaging lifecycle starts them once
 * the topics exist and stops them before the database closes.
 *
 * @example
 * onModuleInit() { this.host.register({ groupId: 'unlock-engine.activity', topic: topics.chainEvmLog,
 *   handle: (e) => this.apply(e) }); }
 */
export class ConsumerHost {
  private readonly consumers: TopicConsumer[] = [];

  constructor(
    private readonly kafka: Kafka,
    private readonly producer: EventProducer,
    private readonly metrics: MessagingMetrics,
    private readonly groupPrefix = '',
    private readonly sessionTimeoutMs?: number,
  ) {}

  register<T extends TopicDefinition>(definition: ConsumerDefinition<T>): void {
    this.consumers.push(
      new TopicConsumer(
        {
          ...(definition as unknown as ConsumerDefinition),
          groupId: this.groupPrefix + definition.groupId,
          sessionTimeoutMs: this.sessionTimeoutMs,
        },
        {
          kafka: this.kafka,
          producer: this.producer,
          metrics: this.metrics,
        },
      ),
    );
    this.topics.add(definition.topic.name);
  }

  readonly topics = new Set<string>();

  async startAll(): Promise<void> {
    for (const consumer of this.consumers) await consumer.start();
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.stop()));
  }
}
