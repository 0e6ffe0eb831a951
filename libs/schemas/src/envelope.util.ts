import { randomUUID } from 'node:crypto';
import { envelopeSchema, type Envelope } from './envelope';
import { SchemaValidationError } from './schema-validation.error';
import type { TopicData, TopicDefinition } from './topic';

export interface EnvelopeInput<T extends TopicDefinition> {
  /** Deterministic where the fact is (an EVM log is `chainId:blockHash:logIndex`); a UUID otherwise. */
  id?: string;
  source: string;
  subject?: string;
  time?: Date;
  data: TopicData<T>;
}

/**
 * Builds a validated envelope for a topic; throws SchemaValidationError naming the bad field.
 *
 * @example
 * const e = createEnvelope(topics.unlockAchieved, { source: 'unlock-engine', data: { ... } });
 */
export function createEnvelope<T extends TopicDefinition>(
  topic: T,
  input: EnvelopeInput<T>,
): Envelope<TopicData<T>> {
  const data = topic.schema.safeParse(input.data);
  if (!data.success) throw SchemaValidationError.fromZod(`${topic.name} data`, data.error);
  const envelope = {
    id: input.id ?? randomUUID(),
    type: topic.name,
    source: input.source,
    time: (input.time ?? new Date()).toISOString(),
    ...(input.subject === undefined ? {} : { subject: input.subject }),
    data: data.data as TopicData<T>,
  };
  const checked = envelopeSchema.safeParse(envelope);
  if (!checked.success) throw SchemaValidationError.fromZod(`${topic.name} envelope`, checked.error);
  return envelope;
}

/**
 * Parses a Kafka message value into an envelope of the given topic, validating the envelope and
 * its data. Throws SchemaValidationError (never retryable) naming what was wrong.
 *
 * @example
 * const e = parseEnvelope(topics.chainEvmLog, message.value);
 */
export function parseEnvelope<T extends TopicDefinition>(
  topic: T,
  value: Buffer | string | null,
): Envelope<TopicData<T>> {
  if (value === null)
    throw new SchemaValidationError(topic.name, [{ path: '', message: 'message has no value' }]);
  let json: unknown;
  try {
    json = JSON.parse(typeof value === 'string' ? value : value.toString('utf8'));
  } catch (cause) {
    throw new SchemaValidationError(topic.name, [{ path: '', message: 'value is not JSON' }], { cause });
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) throw SchemaValidationError.fromZod(`${topic.name} envelope`, envelope.error);
  if (envelope.data.type !== topic.name) {
    throw new SchemaValidationError(topic.name, [
      { path: 'type', message: `expected "${topic.name}", got "${envelope.data.type}"` },
    ]);
  }
  const data = topic.schema.safeParse(envelope.data.data);
  if (!data.success) throw SchemaValidationError.fromZod(`${topic.name} data`, data.error);
  return { ...envelope.data, data: data.data as TopicData<T> };
}

/** The Kafka key of an envelope, as the topic declares it. */
export function keyOfEnvelope<T extends TopicDefinition>(topic: T, envelope: Envelope<TopicData<T>>): string {
  return topic.keyOf(envelope.data);
}
