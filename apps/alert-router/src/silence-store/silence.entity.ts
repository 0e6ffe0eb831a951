import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Matcher } from '../routing/matcher.model';

/** Every silence ever set, expired ones included (Alertmanager keeps them as history too). */
@Entity({ name: 'silences' })
@Index('silences_ends_at_idx', ['endsAt'])
export class SilenceEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'jsonb' })
  matchers!: Matcher[];

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ type: 'text' })
  comment!: string;
}
