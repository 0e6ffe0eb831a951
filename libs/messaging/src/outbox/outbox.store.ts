import { createHash } from 'node:crypto';
import type { DataSource, QueryRunner } from 'typeorm';

/**
 * The Postgres NOTIFY channel of one schema's outbox: OutboxService notifies it in the writing
 * transaction (delivered on commit), the relay listens on it. Hashed to stay under the 63-byte limit.
 */
export function outboxChannelOf(schema: string | undefined): string {
  return `outbox_${createHash('sha256')
    .update(schema ?? 'public')
    .digest('hex')
    .slice(0, 24)}`;
}

/** The part of node-postgres' client the relay listens with. */
interface NotifyingClient {
  on(event: 'notification', listener: (message: { channel: string }) => void): unknown;
  off(event: 'notification', listener: (message: { channel: string }) => void): unknown;
}

export interface OutboxRow {
  id: string;
  topic: string;
  key: string;
  envelope: Record<string, unknown>;
  headers: Record<string, string>;
  batchNo: string;
}

/** The relay's SQL against the outbox table of the data source's schema. */
export class OutboxStore {
  private lockRunner?: QueryRunner;
  private stopListening?: () => Promise<void>;
  private readonly table: string;
  private readonly sequence: string;
  private readonly channel: string;

  constructor(private readonly dataSource: DataSource) {
    const schema = (dataSource.options as { schema?: string }).schema ?? 'public';
    this.table = `"${schema}"."outbox"`;
    this.sequence = `"${schema}"."outbox_batch_seq"`;
    this.channel = outboxChannelOf(schema);
  }

  /** Holds a session advisory lock on a dedicated connection, so only one replica relays. */
  async tryLock(name: string): Promise<boolean> {
    if (this.lockRunner) return true;
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const [row] = (await runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [name])) as {
      locked: boolean;
    }[];
    if (!row?.locked) {
      await runner.release();
      return false;
    }
    this.lockRunner = runner;
    return true;
  }

  /**
   * Calls `onCommit` whenever a transaction that enqueued rows commits (LISTEN on the lock's
   * connection; held until releaseLock). Polling stays the fallback: a notification is only a hint.
   */
  async listen(onCommit: () => void): Promise<void> {
    const runner = this.lockRunner;
    if (!runner || this.stopListening) return;
    const client = (await runner.connect()) as NotifyingClient;
    const listener = (message: { channel: string }) => {
      if (message.channel === this.channel) onCommit();
    };
    client.on('notification', listener);
    await runner.query(`LISTEN "${this.channel}"`);
    this.stopListening = async () => {
      client.off('notification', listener);
      await runner.query(`UNLISTEN "${this.channel}"`);
    };
  }

  async releaseLock(): Promise<void> {
    const runner = this.lockRunner;
    this.lockRunner = undefined;
    const stopListening = this.stopListening;
    this.stopListening = undefined;
    await stopListening?.().catch(() => undefined);
    if (!runner) return;
    // Releasing the connection to the pool would keep the session lock; unlock first.
    await runner.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
    await runner.release();
  }

  /** Rows claimed by a batch that was never marked published (the relay stopped mid-batch). */
  async findClaimedBatch(): Promise<OutboxRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, topic, message_key AS key, envelope, headers, batch_no AS "batchNo" FROM ${this.table}
       WHERE published_at IS NULL AND batch_no = (SELECT min(batch_no) FROM ${this.table} WHERE published_at IS NULL AND batch_no IS NOT NULL)
       ORDER BY id`,
    )) as OutboxRow[];
    return rows;
  }

  /** Gives the oldest unclaimed rows one new batch number; committed before anything is sent. */
  async claimNextBatch(limit: number): Promise<OutboxRow[]> {
    const rows = (await this.dataSource.query(
      `WITH b AS (SELECT nextval('${this.sequence}') AS n),
            picked AS (SELECT id FROM ${this.table} WHERE published_at IS NULL AND batch_no IS NULL ORDER BY id LIMIT $1)
       UPDATE ${this.table} o SET batch_no = (SELECT n FROM b) FROM picked WHERE o.id = picked.id
       RETURNING o.id, o.topic, o.message_key AS key, o.envelope, o.headers, o.batch_no AS "batchNo"`,
      [limit],
    )) as [OutboxRow[], number] | OutboxRow[];
    const list = (Array.isArray(rows[0]) ? rows[0] : rows) as OutboxRow[];
    return list.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
  }

  /** Marks every claimed batch up to and including `batchNo` as published; returns how many rows. */
  async markPublishedUpTo(batchNo: string): Promise<number> {
    const result = (await this.dataSource.query(
      `UPDATE ${this.table} SET published_at = now() WHERE batch_no <= $1 AND published_at IS NULL`,
      [batchNo],
    )) as [unknown[], number];
    return result[1];
  }

  async countPending(): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM ${this.table} WHERE published_at IS NULL`,
    )) as { n: number }[];
    return row?.n ?? 0;
  }
}
