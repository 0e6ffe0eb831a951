import { injectTraceHeaders } from '@convergence/telemetry';
import {
  type Envelope,
  type TopicData,
  type TopicDefinition,
  SchemaValidationError,
} from '@convergence/schemas';
import type { EntityManager } from 'typeorm';
import { OutboxMessageEntity } from './outbox-message.entity';
import { outboxChannelOf } from './outbox.store';

/** Writes events to the outbox inside the caller's transaction; they are published only if it commits. */
export class OutboxService {
  /**
   * @example
   * await dataSource.transaction(async (manager) => {
   *   await manager.save(achievement);
   *   await outbox.enqueue(manager, topics.unlockAchieved, createEnvelope(topics.unlockAchieved, {...}));
   * });
   */
  async enqueue<T extends TopicDefinition>(
    manager: EntityManager,
    topic: T,
    envelopes: Envelope<TopicData<T>> | Envelope<TopicData<T>>[],
  ): Promise<void> {
    const list = Array.isArray(envelopes) ? envelopes : [envelopes];
    const rows = list.map((envelope) => {
      const checked = topic.schema.safeParse(envelope.data);
      if (!checked.success) throw SchemaValidationError.fromZod(`${topic.name} data`, checked.error);
      const headers: Record<string, string> = { 'event-id': envelope.id, 'event-type': envelope.type };
      injectTraceHeaders(headers);
      return { topic: topic.name, key: topic.keyOf(envelope.data), envelope, headers };
    });
    if (rows.length === 0) return;
    // One statement and one parameter however many rows: no per-row placeholders (Postgres allows
    // 65,535 per statement) and no ORM query building, which dominated large batches. Ids follow the
    // array order, so the relay publishes rows in the order they were enqueued.
    // The NOTIFY is delivered when the caller's transaction commits (never if it rolls back) and
    // wakes the relay at once instead of at its next poll.
    const { table, channel } = outboxOf(manager);
    await manager.query(
      `WITH inserted AS (
         INSERT INTO ${table} (topic, message_key, envelope, headers)
         SELECT r.topic, r.key, r.envelope, r.headers
         FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (topic text, key text, envelope jsonb, headers jsonb))
              WITH ORDINALITY AS r(topic, key, envelope, headers, n)
        ORDER BY r.n
         RETURNING 1)
       SELECT pg_notify($2, '') FROM (SELECT count(*) FROM inserted) AS done`,
      [JSON.stringify(rows), channel],
    );
  }
}

/** The quoted outbox table of the manager's data source (its entity metadata carries the schema) and its channel. */
function outboxOf(manager: EntityManager): { table: string; channel: string } {
  const { tableName, schema } = manager.connection.getMetadata(OutboxMessageEntity);
  return {
    table: schema ? `"${schema}"."${tableName}"` : `"${tableName}"`,
    channel: outboxChannelOf(schema),
  };
}
