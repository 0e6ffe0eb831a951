import { randomUUID } from 'node:crypto';
import type { Envelope, TopicData, TopicDefinition } from '@convergence/schemas';
import { SERVICE_NAME } from '../config/env';

/** What an engine event going through the outbox carries besides its topic. */
export interface OutboxEnvelopeInput<T extends TopicDefinition> {
  /** Deterministic where the fact has an id (an achievement's); a fresh UUID otherwise. */
  readonly id?: string;
  readonly subject: string;
  readonly data: TopicData<T>;
}

/**
 * An engine envelope for `OutboxService.enqueue`, built without createEnvelope's schema check:
 * enqueue validates every envelope's data against its topic itself, so createEnvelope would run the
 * same zod parse a second time on each of the thousands of rows a batch writes (measured: the larger
 * part of a batch's profile-update cost). The fields are the ones createEnvelope sets, with the
 * service as `source`; bad data still fails enqueue with the topic's SchemaValidationError.
 *
 * @example
 * outboxEnvelopeOf(topics.profileUpdated, { subject: w, data: { wallet: w, fields: ['balances'], confirmed: true } }, now)
 * // { id: '…uuid…', type: 'profile.updated.v1', source: 'unlock-engine', time: now.toISOString(), subject: w, data }
 */
export function outboxEnvelopeOf<T extends TopicDefinition>(
  topic: T,
  input: OutboxEnvelopeInput<T>,
  time: Date,
): Envelope<TopicData<T>> {
  return {
    id: input.id ?? randomUUID(),
    type: topic.name,
    source: SERVICE_NAME,
    time: time.toISOString(),
    subject: input.subject,
    data: input.data,
  };
}
