import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Every metric the backbone exports; one instance per registry. */
export class MessagingMetrics {
  readonly consumed: Counter<'topic' | 'group'>;
  readonly failed: Counter<'topic' | 'group' | 'retryable'>;
  readonly deadLettered: Counter<'topic' | 'group'>;
  readonly processingSeconds: Histogram<'topic' | 'group'>;
  readonly consumerLag: Gauge<'topic' | 'partition' | 'group'>;
  readonly produced: Counter<'topic'>;
  readonly outboxPublished: Counter<'topic'>;
  readonly outboxPending: Gauge;

  constructor(registry: Registry) {
    const registers = [registry];
    this.consumed = new Counter({
      name: 'messaging_messages_consumed_total',
      help: 'Messages processed successfully (including ones skipped as already processed).',
      labelNames: ['topic', 'group'],
      registers,
    });
    this.failed = new Counter({
      name: 'messaging_messages_failed_total',
      help: 'Handler attempts that threw.',
      labelNames: ['topic', 'group', 'retryable'],
      registers,
    });
    this.deadLettered = new Counter({
      name: 'messaging_messages_dead_lettered_total',
      help: 'Messages sent to <topic>.dlq.',
      labelNames: ['topic', 'group'],
      registers,
    });
    this.processingSeconds = new Histogram({
      name: 'messaging_processing_seconds',
      help: 'Time to process one message, retries included.',
      labelNames: ['topic', 'group'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.consumerLag = new Gauge({
      name: 'messaging_consumer_lag',
      help: 'Messages behind the partition high watermark after the last batch.',
      labelNames: ['topic', 'partition', 'group'],
      registers,
    });
    this.produced = new Counter({
      name: 'messaging_messages_produced_total',
      help: 'Messages acknowledged by Kafka.',
      labelNames: ['topic'],
      registers,
    });
    this.outboxPublished = new Counter({
      name: 'messaging_outbox_published_total',
      help: 'Outbox rows published to Kafka.',
      labelNames: ['topic'],
      registers,
    });
    this.outboxPending = new Gauge({
      name: 'messaging_outbox_pending',
      help: 'Outbox rows not yet published, as of the last relay poll.',
      registers,
    });
  }
}
