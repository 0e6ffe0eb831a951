import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The current version of each alert, by fingerprint (Alertmanager's alert store, persisted). */
@Entity({ name: 'alerts' })
@Index('alerts_ends_at_idx', ['endsAt'])
@Index('alerts_labels_idx', { synchronize: false })
export class AlertEntity {
  @PrimaryColumn({ type: 'text' })
  fingerprint!: string;

  @Column({ type: 'jsonb' })
  labels!: Record<string, string>;

  @Column({ type: 'jsonb' })
  annotations!: Record<string, string>;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** endsAt is a resolve_timeout guess, not sent by the client. */
  @Column({ type: 'boolean' })
  timeout!: boolean;

  @Column({ name: 'generator_url', type: 'text', nullable: true })
  generatorURL!: string | null;
}
