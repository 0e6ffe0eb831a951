import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Why a notification row exists: a group flush, an escalation step, or an acknowledgement forwarded. */
export type NotificationKind = 'notification' | 'escalation' | 'acknowledgement';

/** What happened to one integration's delivery. */
export type NotificationOutcome = 'sent' | 'skipped' | 'failed';

/** The notification audit: one row per integration per delivery, queryable with the alert history. */
@Entity({ name: 'notifications' })
@Index('notifications_sent_at_idx', ['sentAt'])
@Index('notifications_group_key_idx', ['groupKey', 'sentAt'])
@Index('notifications_common_labels_idx', { synchronize: false })
@Index('notifications_fingerprints_idx', { synchronize: false })
export class NotificationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'text' })
  kind!: NotificationKind;

  @Column({ name: 'group_key', type: 'text' })
  groupKey!: string;

  @Column({ type: 'text' })
  receiver!: string;

  @Column({ type: 'text' })
  integration!: string;

  @Column({ name: 'idx', type: 'integer' })
  index!: number;

  /** Alertmanager's notify reason (`first-notification`, …), or `escalation-step-N`, or `acknowledged`. */
  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'text' })
  status!: 'firing' | 'resolved';

  @Column({ type: 'text' })
  outcome!: NotificationOutcome;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ name: 'http_status', type: 'integer', nullable: true })
  httpStatus!: number | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'text', array: true })
  fingerprints!: string[];

  @Column({ name: 'group_labels', type: 'jsonb' })
  groupLabels!: Record<string, string>;

  @Column({ name: 'common_labels', type: 'jsonb' })
  commonLabels!: Record<string, string>;

  @Column({ name: 'sent_at', type: 'timestamptz' })
  sentAt!: Date;
}
