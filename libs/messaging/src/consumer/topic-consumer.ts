import { Logger } from '@nestjs/common';
import { extractTraceContext } from '@convergence/telemetry';
import { deadLetterTopicOf, parseEnvelope } from '@convergence/schemas';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import type { Consumer, EachMessagePayload, Kafka, KafkaMessage } from 'kafkajs';
import type { EventProducer } from '../producer/event-producer';
import type { MessagingMetrics } from '../messaging.metrics';
import { backoffDelayMs, isRetryableError } from '../retryable-error';
import type { ConsumerDefinition, MessageMeta } from './consumer-definition';
import { buildDeadLetter } from './dead-letter.util';

const tracer = trace.getTracer('@convergence/messaging');

export interface TopicConsumerDeps {
  kafka: Kafka;
  producer: EventProducer;
  metrics: MessagingMetrics;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * One consumer-group member for one topic: validates each message, runs the handler inside a span
 * continuing the producer's trace, retries retryable failures with backoff, and dead-letters the
 * rest. An offset is resolved only after its message was handled or dead-lettered, so a crash
 * re-delivers and the handler's idempotency makes the effect happen once.
 */
export class TopicConsumer {
  private readonly logger = new Logger(TopicConsumer.name);
  private readonly consumer: Consumer;
  private readonly now: () => Date;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly definition: ConsumerDefinition,
    private readonly deps: TopicConsumerDeps,
  ) {
    this.consumer = deps.kafka.consumer({
      groupId: definition.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: definition.sessionTimeoutMs ?? 30_000,
    });
    this.now = deps.now ?? (() => new Date());
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.consumer.on(this.consumer.events.END_BATCH_PROCESS, ({ payload }) => {
      this.deps.metrics.consumerLag.set(
        { topic: payload.topic, partition: String(payload.partition), group: definition.groupId },
        Number(payload.offsetLag),
      );
    });
  }

  get groupId(): string {
    return this.definition.groupId;
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [this.definition.topic.name], fromBeginning: true });
    await this.consumer.run({ eachMessage: (payload) => this.process(payload) });
    this.logger.log({ msg: 'consumer started', topic: this.definition.topic.name, group: this.groupId });
  }

  /** Leaves the group after the message in hand is done; kafkajs commits the resolved offsets. */
  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }

  private async process({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    const labels = { topic, group: this.groupId };
    const timer = this.deps.metrics.processingSeconds.startTimer(labels);
    const parent = extractTraceContext(message.headers ?? {}, ROOT_CONTEXT);
    const span = tracer.startSpan(
      `${topic} process`,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'process',
          'messaging.destination.name': topic,
          'messaging.consumer.group.name': this.groupId,
          'messaging.destination.partition.id': String(partition),
          'messaging.kafka.offset': Number(message.offset),
        },
      },
      parent,
    );
    try {
      await context.with(trace.setSpan(parent, span), async () => {
        let envelope;
        try {
          envelope = parseEnvelope(this.definition.topic, message.value);
        } catch (error) {
          await this.deadLetter(topic, partition, message, error);
          return;
        }
        span.setAttribute('messaging.message.id', envelope.id);
        const meta = {
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? null,
          headers: message.headers ?? {},
        };
        await this.handleWithRetry(envelope, meta, message, heartbeat);
      });
      this.deps.metrics.consumed.inc(labels);
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
      timer();
    }
  }

  private async handleWithRetry(
    envelope: Parameters<ConsumerDefinition['handle']>[0],
    meta: MessageMeta,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    const maxAttempts = this.definition.maxAttempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.definition.handle(envelope, meta);
        return;
      } catch (error) {
        const retryable = isRetryableError(error);
        this.deps.metrics.failed.inc({
          topic: meta.topic,
          group: this.groupId,
          retryable: String(retryable),
        });
        if (!retryable) {
          await this.deadLetter(meta.topic, meta.partition, message, error);
          return;
        }
        if (attempt >= maxAttempts) {
          // Not dead-lettered: the failure is transient, so kafkajs restarts from the committed offset.
          this.logger.error({
            msg: 'retries exhausted',
            eventId: envelope.id,
            topic: meta.topic,
            attempt,
            err: error,
          });
          throw error;
        }
        const delay = backoffDelayMs(attempt, {
          baseMs: this.definition.retryBaseMs ?? 200,
          maxMs: this.definition.retryMaxMs ?? 10_000,
        });
        this.logger.warn({
          msg: 'handler failed, retrying',
          eventId: envelope.id,
          topic: meta.topic,
          attempt,
          delay,
          err: error,
        });
        await this.sleep(delay);
        await heartbeat();
      }
    }
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    error: unknown,
  ): Promise<void> {
    const dlq = deadLetterTopicOf(topic);
    await this.deps.producer.sendRaw(dlq, [
      buildDeadLetter({ topic, partition, group: this.groupId, message }, error, this.now()),
    ]);
    this.deps.metrics.deadLettered.inc({ topic, group: this.groupId });
    this.logger.warn({
      msg: 'message dead-lettered',
      topic,
      partition,
      offset: message.offset,
      dlq,
      err: error,
    });
  }
}
