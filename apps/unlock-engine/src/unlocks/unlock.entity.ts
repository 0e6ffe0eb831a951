import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An unlock's identity: which version is current and whether it can still be achieved. */
@Entity({ name: 'unlocks' })
export class UnlockEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'current_version', type: 'integer' })
  currentVersion!: number;

  @Column({ type: 'boolean' })
  active!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
