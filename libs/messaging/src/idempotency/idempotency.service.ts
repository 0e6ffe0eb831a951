import type { DataSource, EntityManager } from 'typeorm';
import { ProcessedEventEntity } from './processed-event.entity';

/**
 * Applies an event's effect at most once per consumer group: the event id is recorded in the same
 * transaction as the effect, so a redelivered event finds its id and does nothing.
 */
export class IdempotencyService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Runs `work` in a transaction unless this group already processed the event; returns whether it ran.
   *
   * @example
   * await idempotency.runOnce('unlock-engine.activity', envelope, (manager) => manager.insert(...));
   */
  async runOnce(
    consumerGroup: string,
    event: { id: string; type: string },
    work: (manager: EntityManager) => Promise<unknown>,
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      // A concurrent duplicate blocks on the uncommitted row and then inserts nothing.
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(ProcessedEventEntity)
        .values({ consumerGroup, eventId: event.id, eventType: event.type })
        .orIgnore()
        .returning(['event_id'])
        .execute();
      if ((result.raw as unknown[]).length === 0) return false;
      await work(manager);
      return true;
    });
  }
}
