import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Where an acknowledgement came from. */
export type AckSource = 'api' | 'link';

/** Someone took a group's firing alerts: escalation stops and repeats pause until something new fires. */
@Entity({ name: 'acknowledgements' })
@Index('acknowledgements_group_key_idx', ['groupKey', 'ackedAt'])
export class AcknowledgementEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'group_key', type: 'text' })
  groupKey!: string;

  /** The alerts firing when it was acknowledged. */
  @Column({ type: 'text', array: true })
  fingerprints!: string[];

  @Column({ name: 'acked_by', type: 'text' })
  ackedBy!: string;

  @Column({ type: 'text' })
  comment!: string;

  @Column({ type: 'text' })
  source!: AckSource;

  @Column({ name: 'acked_at', type: 'timestamptz' })
  ackedAt!: Date;
}
