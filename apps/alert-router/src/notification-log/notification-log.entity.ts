import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * What was last notified per group and integration (Alertmanager's nflog, keyed like its
 * `receiver/integration/idx`): the dispatcher's dedup decisions read it, so a restart or a config
 * reload inside the repeat window re-sends nothing.
 */
@Entity({ name: 'notification_log' })
@Index('notification_log_expires_at_idx', ['expiresAt'])
export class NotificationLogEntity {
  @PrimaryColumn({ name: 'group_key', type: 'text' })
  groupKey!: string;

  @PrimaryColumn({ type: 'text' })
  receiver!: string;

  @PrimaryColumn({ type: 'text' })
  integration!: string;

  @PrimaryColumn({ name: 'idx', type: 'integer' })
  index!: number;

  @Column({ type: 'text', array: true })
  firing!: string[];

  @Column({ type: 'text', array: true })
  resolved!: string[];

  @Column({ name: 'notified_at', type: 'timestamptz' })
  notifiedAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
