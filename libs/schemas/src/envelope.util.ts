import { randomUUID } from 'node:crypto';
import { EVENT_TYPE_PATTERN, envelopeSchema, type Envelope } from './envelope';
import { SchemaValidationError } from './schema-validation.error';
import type { TopicData, TopicDefinition } from './topic';
import { markValidated, type ValidatedEnvelope } from './validated-envelope';

export interface EnvelopeInput<T extends TopicDefinition> {
  /** Deterministic where the fact is (an EVM log is `chainId:blockHash:logIndex`); a UUID otherwise. */
  id?: string;
  source: string;
  subject?: string;
  time?: Date;
  data: TopicData<T>;
}

/**
 * Builds a validated envelope for a topic; throws SchemaValidationError naming the bad field. The
 * result is a ValidatedEnvelope: a producer need not validate it again (`publishValidated`).
 *
 * @example
 * const e = createEnvelope(topics.unlockAchieved, { source: 'unlock-engine', data: { ... } });
 */
export function createEnvelope<T extends TopicDefinition>(
  topic: T,
  input: EnvelopeInput<T>,
): ValidatedEnvelope<TopicData<T>> {
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
  if (!hasValidEnvelopeFields(envelope)) {
    const checked = envelopeSchema.safeParse(envelope);
    if (!checked.success) throw SchemaValidationError.fromZod(`${topic.name} envelope`, checked.error);
  }
  return markValidated(topic, envelope);
}

/**
 * The envelopeSchema checks for the fields createEnvelope builds, without zod's per-parse cost (a
 * hot path: the indexer creates tens of thousands per second). False sends the envelope through
 * envelopeSchema, which then names what is wrong.
 */
function hasValidEnvelopeFields(envelope: Omit<Envelope, 'data'>): boolean {
  const { id, type, source, time, subject } = envelope;
  return (
    typeof id === 'string' &&
    id.length >= 1 &&
    id.length <= 512 &&
    typeof source === 'string' &&
    source.length >= 1 &&
    source.length <= 128 &&
    (subject === undefined ||
      (typeof subject === 'string' && subject.length >= 1 && subject.length <= 512)) &&
    isEventType(type) &&
    // toISOString of years 0–9999 (YYYY-MM-DDTHH:mm:ss.sssZ), always a datetime envelopeSchema accepts.
    time.length === 24
  );
}

const knownEventTypes = new Set<string>();

function isEventType(type: string): boolean {
  if (knownEventTypes.has(type)) return true;
  if (!EVENT_TYPE_PATTERN.test(type)) return false;
  knownEventTypes.add(type);
  return true;
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
): ValidatedEnvelope<TopicData<T>> {
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
  return markValidated(topic, { ...envelope.data, data: data.data as TopicData<T> });
}

/** The Kafka key of an envelope, as the topic declares it. */
export function keyOfEnvelope<T extends TopicDefinition>(topic: T, envelope: Envelope<TopicData<T>>): string {
  return topic.keyOf(envelope.data);
}
