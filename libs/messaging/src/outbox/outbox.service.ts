import { injectTraceHeaders } from '@convergence/telemetry';
import {
  type Envelope,
  type TopicData,
  type TopicDefinition,
  SchemaValidationError,
} from '@convergence/schemas';
import type { EntityManager } from 'typeorm';
import { OutboxMessageEntity } from './outbox-message.entity';

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
      return { topic: topic.name, key: topic.keyOf(envelope.data), envelope: { ...envelope }, headers };
    });
    if (rows.length > 0) await manager.insert(OutboxMessageEntity, rows);
  }
}
