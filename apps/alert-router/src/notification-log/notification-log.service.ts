import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, LessThan, MoreThan } from 'typeorm';
import type { NotificationLogEntry } from '../grouping/notification-log.model';
import { CLOCK, type Clock } from '../time/clock';
import { NotificationLogEntity } from './notification-log.entity';

/** Where an integration's log entries live: Alertmanager's receiver name, integration and index. */
export interface IntegrationKey {
  readonly receiver: string;
  readonly integration: string;
  readonly index: number;
}

/**
 * Alertmanager's notification log: Postgres is the record (entries expire as nflog's GC drops
 * them), and a copy in memory — loaded at boot, updated after each committed write — keeps the
 * flush path free of database reads, as Alertmanager keeps its nflog in memory.
 */
@Injectable()
export class NotificationLogService {
  private cache?: Map<string, Map<string, NotificationLogEntry>>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Loads every unexpired entry into memory; later reads are served from there. */
  async preload(): Promise<void> {
    const rows = await this.dataSource
      .getRepository(NotificationLogEntity)
      .findBy({ expiresAt: MoreThan(this.clock()) });
    const cache = new Map<string, Map<string, NotificationLogEntry>>();
    for (const row of rows) {
      const key = cacheKeyOf(row.groupKey, row.receiver);
      if (!cache.has(key)) cache.set(key, new Map());
      cache.get(key)!.set(slotOf(row), entryOf(row));
    }
    this.cache = cache;
  }

  /** The unexpired entries of a group for a receiver, by `integration/index`. */
  async entriesOf(groupKey: string, receiver: string): Promise<Map<string, NotificationLogEntry>> {
    if (this.cache) {
      const now = this.clock().getTime();
      const entries =
        this.cache.get(cacheKeyOf(groupKey, receiver)) ?? new Map<string, NotificationLogEntry>();
      return new Map([...entries].filter(([, entry]) => entry.expiresAt.getTime() > now));
    }
    const rows = await this.dataSource.getRepository(NotificationLogEntity).findBy({
      groupKey,
      receiver,
      expiresAt: MoreThan(this.clock()),
    });
    return new Map(rows.map((row) => [slotOf(row), entryOf(row)]));
  }

  /** Writes (replacing) integrations' entries inside the caller's transaction, in one statement. */
  async saveAll(
    manager: EntityManager,
    entries: readonly { groupKey: string; key: IntegrationKey; entry: NotificationLogEntry }[],
  ): Promise<void> {
    if (entries.length === 0) return;
    // The rows as one JSON parameter, which Postgres parses (fingerprint lists are arrays of arrays,
    // which unnest() could not carry anyway).
    await manager.query(
      `INSERT INTO notification_log (group_key, receiver, integration, idx, firing, resolved, notified_at, expires_at)
       SELECT group_key, receiver, integration, idx, ARRAY(SELECT jsonb_array_elements_text(firing)),
              ARRAY(SELECT jsonb_array_elements_text(resolved)), notified_at, expires_at
         FROM jsonb_to_recordset($1::jsonb) AS t(group_key text, receiver text, integration text, idx int,
                                                  firing jsonb, resolved jsonb, notified_at timestamptz,
                                                  expires_at timestamptz)
       ON CONFLICT (group_key, receiver, integration, idx) DO UPDATE SET
         firing = excluded.firing, resolved = excluded.resolved,
         notified_at = excluded.notified_at, expires_at = excluded.expires_at`,
      [
        JSON.stringify(
          entries.map((e) => ({
            group_key: e.groupKey,
            receiver: e.key.receiver,
            integration: e.key.integration,
            idx: e.key.index,
            firing: e.entry.firing,
            resolved: e.entry.resolved,
            notified_at: e.entry.timestamp,
            expires_at: e.entry.expiresAt,
          })),
        ),
      ],
    );
  }

  /** Updates the in-memory copy once the transaction that saved `entry` committed. */
  remember(groupKey: string, key: IntegrationKey, entry: NotificationLogEntry): void {
    if (!this.cache) return;
    const cacheKey = cacheKeyOf(groupKey, key.receiver);
    if (!this.cache.has(cacheKey)) this.cache.set(cacheKey, new Map());
    this.cache.get(cacheKey)!.set(slotOf({ integration: key.integration, index: key.index }), entry);
  }

  /** Fingerprints some unexpired entry lists as firing: alerts whose resolution may still be due. */
  async notifiedFiringFingerprints(): Promise<string[]> {
    const rows: { fingerprint: string }[] = await this.dataSource.query(
      `SELECT DISTINCT unnest(firing) AS fingerprint FROM notification_log WHERE expires_at > $1`,
      [this.clock()],
    );
    return rows.map((row) => row.fingerprint);
  }

  /** Deletes expired entries (Alertmanager's nflog GC); returns how many. */
  async deleteExpired(): Promise<number> {
    const now = this.clock().getTime();
    for (const [key, entries] of this.cache ?? []) {
      for (const [slot, entry] of entries) if (entry.expiresAt.getTime() <= now) entries.delete(slot);
      if (entries.size === 0) this.cache?.delete(key);
    }
    const result = await this.dataSource
      .getRepository(NotificationLogEntity)
      .delete({ expiresAt: LessThan(this.clock()) });
    return result.affected ?? 0;
  }
}

/** `integration/index`, the key of `entriesOf`'s map. */
export function slotOf(key: Pick<IntegrationKey, 'integration' | 'index'>): string {
  return `${key.integration}/${key.index}`;
}

function cacheKeyOf(groupKey: string, receiver: string): string {
  return `${groupKey}\u0000${receiver}`;
}

function entryOf(row: NotificationLogEntity): NotificationLogEntry {
  return { firing: row.firing, resolved: row.resolved, timestamp: row.notifiedAt, expiresAt: row.expiresAt };
}
