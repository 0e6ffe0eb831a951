import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Ceremony } from '../requirements/ceremony.schema';
import type { Requirement } from '../requirements/requirement.schema';

/** One immutable version of an unlock definition; an update writes the next version. */
@Entity({ name: 'unlock_versions' })
export class UnlockVersionEntity {
  @PrimaryColumn({ name: 'unlock_id', type: 'text' })
  unlockId!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'jsonb' })
  requirements!: Requirement;

  @Column({ type: 'jsonb' })
  ceremony!: Ceremony;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
