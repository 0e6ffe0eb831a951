import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An event written in the same transaction as the change it announces, published later by the relay. */
@Entity({ name: 'outbox' })
@Index('outbox_unpublished_idx', ['id'], { where: 'published_at IS NULL' })
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'text' })
  topic!: string;

  @Column({ name: 'message_key', type: 'text' })
  key!: string;

  @Column({ type: 'jsonb' })
  envelope!: Record<string, unknown>;

  /** Trace context of the writing transaction, so the trace continues through the relay. */
  @Column({ type: 'jsonb' })
  headers!: Record<string, string>;

  /** Set when the relay claims the row; the batch number is what it commits to Kafka with the messages. */
  @Column({ name: 'batch_no', type: 'bigint', nullable: true })
  batchNo!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;
}
