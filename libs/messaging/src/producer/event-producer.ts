import { Logger } from '@nestjs/common';
import { injectTraceHeaders } from '@convergence/telemetry';
import {
  type Envelope,
  type TopicData,
  type TopicDefinition,
  SchemaValidationError,
} from '@convergence/schemas';
import { type IHeaders, type Kafka, type Message, Partitioners, type Producer } from 'kafkajs';
import type { MessagingMetrics } from '../messaging.metrics';

/**
 * Idempotent producers retry without limit (backing off to 30 s): a send waits out a broker outage
 * instead of failing, and the caller — a checkpoint, an outbox batch — moves on only once Kafka has it.
 */
export const PRODUCER_RETRY = {
  retries: Number.MAX_SAFE_INTEGER,
  initialRetryTime: 300,
  maxRetryTime: 30_000,
};

/**
 * The service's idempotent producer: acks from all in-sync replicas, one request in flight, so a
 * retried send never duplicates or reorders within a partition.
 */
export class EventProducer {
  private readonly logger = new Logger(EventProducer.name);
  private readonly producer: Producer;
  private connected?: Promise<void>;

  constructor(
    kafka: Kafka,
    private readonly metrics: MessagingMetrics,
  ) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
    });
  }

  connect(): Promise<void> {
    this.connected ??= this.producer.connect().catch((error: unknown) => {
      this.connected = undefined;
      throw error;
    });
    return this.connected;
  }

  /** Validates, stamps the current trace context into the headers, and waits for Kafka's acknowledgement. */
  async publish<T extends TopicDefinition>(
    topic: T,
    envelopes: Envelope<TopicData<T>> | Envelope<TopicData<T>>[],
    headers: IHeaders = {},
  ): Promise<void> {
    const list = Array.isArray(envelopes) ? envelopes : [envelopes];
    const messages = list.map((envelope) => {
      const checked = topic.schema.safeParse(envelope.data);
      if (!checked.success) throw SchemaValidationError.fromZod(`${topic.name} data`, checked.error);
      if (envelope.type !== topic.name) {
        throw new SchemaValidationError(topic.name, [{ path: 'type', message: `expected "${topic.name}"` }]);
      }
      return {
        key: topic.keyOf(envelope.data),
        value: JSON.stringify(envelope),
        headers: injectTraceHeaders({ ...headers, 'event-id': envelope.id, 'event-type': envelope.type }),
      };
    });
    await this.sendRaw(topic.name, messages);
  }

  /** Sends already-encoded messages (dead letters, replays) as they are. */
  async sendRaw(topic: string, messages: Message[]): Promise<void> {
    await this.connect();
    await this.producer.send({ topic, messages, acks: -1 });
    this.metrics.produced.inc({ topic }, messages.length);
  }

  async disconnect(): Promise<void> {
    if (!this.connected) return;
    await this.producer.disconnect();
    this.connected = undefined;
    this.logger.log({ msg: 'producer disconnected' });
  }
}
