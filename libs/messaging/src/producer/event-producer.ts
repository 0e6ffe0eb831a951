import { Logger } from '@nestjs/common';
import { injectTraceHeaders } from '@convergence/telemetry';
import {
  type Envelope,
  type TopicData,
  type TopicDefinition,
  type ValidatedEnvelope,
  SchemaValidationError,
  wasValidatedFor,
} from '@convergence/schemas';
import {
  type ICustomPartitioner,
  type IHeaders,
  type Kafka,
  type Message,
  Partitioners,
  type Producer,
} from 'kafkajs';
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
      createPartitioner: keyCachingPartitioner,
      retry: PRODUCER_RETRY,
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
    await this.sendRaw(
      topic.name,
      this.messagesOf(topic, list, headers, () => true),
    );
  }

  /**
   * `publish` for envelopes createEnvelope (or parseEnvelope) built for this topic: their data is
   * not validated a second time — on a hot path (the indexer's logs) that check cost as much as
   * building them. An envelope that is not such an object (a copy, a cast) is validated as by
   * `publish`. Consumers validate on receipt either way.
   *
   * @example
   * await producer.publishValidated(topics.chainEvmLog, logs.map((log) => createEnvelope(topics.chainEvmLog, …)));
   */
  async publishValidated<T extends TopicDefinition>(
    topic: T,
    envelopes: ValidatedEnvelope<TopicData<T>> | readonly ValidatedEnvelope<TopicData<T>>[],
    headers: IHeaders = {},
  ): Promise<void> {
    const list = isEnvelopeList(envelopes) ? envelopes : [envelopes];
    const needsCheck = (envelope: Envelope<unknown>) => !wasValidatedFor(topic, envelope);
    await this.sendRaw(topic.name, this.messagesOf(topic, list, headers, needsCheck));
  }

  private messagesOf<T extends TopicDefinition>(
    topic: T,
    envelopes: readonly Envelope<TopicData<T>>[],
    headers: IHeaders,
    needsCheck: (envelope: Envelope<unknown>) => boolean,
  ): Message[] {
    // One trace context for the whole call: inject it once rather than once per message.
    const trace: Record<string, string> = injectTraceHeaders({});
    const onlyEventHeaders = Object.keys(headers).length === 0 && Object.keys(trace).length === 0;
    return envelopes.map((envelope) => {
      if (needsCheck(envelope)) {
        const checked = topic.schema.safeParse(envelope.data);
        if (!checked.success) throw SchemaValidationError.fromZod(`${topic.name} data`, checked.error);
      }
      if (envelope.type !== topic.name) {
        throw new SchemaValidationError(topic.name, [{ path: 'type', message: `expected "${topic.name}"` }]);
      }
      // A plain literal when there is nothing to merge (the hot path): no spread per message. Same
      // keys and values as `{ ...headers, 'event-id', 'event-type', ...trace }` either way.
      const messageHeaders: IHeaders = onlyEventHeaders
        ? { 'event-id': envelope.id, 'event-type': envelope.type }
        : { ...headers, 'event-id': envelope.id, 'event-type': envelope.type, ...trace };
      return { key: topic.keyOf(envelope.data), value: JSON.stringify(envelope), headers: messageHeaders };
    });
  }

  /** Sends already-encoded messages (dead letters, replays) as they are, in requests the broker accepts. */
  async sendRaw(topic: string, messages: Message[]): Promise<void> {
    await this.connect();
    for (const chunk of chunkBySize(messages, MAX_REQUEST_BYTES)) {
      await this.producer.send({ topic, messages: chunk, acks: -1 });
      this.metrics.produced.inc({ topic }, chunk.length);
    }
  }

  async disconnect(): Promise<void> {
    if (!this.connected) return;
    await this.producer.disconnect();
    this.connected = undefined;
    this.logger.log({ msg: 'producer disconnected' });
  }
}

/**
 * kafkajs' DefaultPartitioner (murmur2 of the key, as the Java client) that remembers its answer
 * per topic, partition count and string key: a keyed message always lands on the same partition
 * for a given partition count, so repeating the hash — and the partitioner's per-message scan of
 * the partition metadata — for a key seen before is wasted work. It is not small on a hot path:
 * the indexer sends tens of thousands of messages a second under one key (the chain id). Messages
 * with an explicit partition, without a key or with a Buffer key go to DefaultPartitioner as is.
 */
export const keyCachingPartitioner: ICustomPartitioner = () => {
  const partitioner = Partitioners.DefaultPartitioner();
  const byTopic = new Map<string, { partitions: number; byKey: Map<string, number> }>();
  return (args) => {
    const { topic, partitionMetadata, message } = args;
    if (typeof message.key !== 'string' || (message.partition !== undefined && message.partition !== null)) {
      return partitioner(args);
    }
    let cache = byTopic.get(topic);
    if (!cache || cache.partitions !== partitionMetadata.length) {
      cache = { partitions: partitionMetadata.length, byKey: new Map() };
      byTopic.set(topic, cache);
    }
    let partition = cache.byKey.get(message.key);
    if (partition === undefined) {
      partition = partitioner(args);
      // Bounded: a topic keyed by something unbounded (a user id) just starts over.
      if (cache.byKey.size >= MAX_CACHED_KEYS) cache.byKey.clear();
      cache.byKey.set(message.key, partition);
    }
    return partition;
  };
};

const MAX_CACHED_KEYS = 10_000;

function isEnvelopeList<E>(value: E | readonly E[]): value is readonly E[] {
  return Array.isArray(value);
}

// Kafka's default message.max.bytes is ~1 MiB per record batch; stay well under it.
const MAX_REQUEST_BYTES = 512 * 1024;

/** Splits messages into consecutive runs whose encoded size stays under `maxBytes` (order kept). */
export function chunkBySize(messages: Message[], maxBytes: number): Message[][] {
  const chunks: Message[][] = [];
  let current: Message[] = [];
  let size = 0;
  for (const message of messages) {
    const bytes = sizeOf(message.value) + sizeOf(message.key) + 64;
    if (current.length > 0 && size + bytes > maxBytes) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(message);
    size += bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

function sizeOf(value: Message['value'] | Message['key']): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'string' ? Buffer.byteLength(value) : value.length;
}
