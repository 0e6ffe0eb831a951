import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type AlertSource = 'api' | 'webhook' | 'kafka';

/** One row each time an alert appears, resolves or fires again: the queryable alert history. */
@Entity({ name: 'alert_history' })
@Index('alert_history_fingerprint_idx', ['fingerprint', 'recordedAt'])
@Index('alert_history_recorded_at_idx', ['recordedAt'])
export class AlertHistoryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'text' })
  fingerprint!: string;

  @Column({ type: 'jsonb' })
  labels!: Record<string, string>;

  @Column({ type: 'text' })
  status!: 'firing' | 'resolved';

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'text' })
  source!: AlertSource;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
