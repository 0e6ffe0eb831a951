import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Where a Solana program's indexing resumes: every signature up to `lastSignature` is on Kafka. */
@Entity({ name: 'solana_checkpoints' })
export class SolanaCheckpointEntity {
  @PrimaryColumn({ name: 'cluster', type: 'text' })
  cluster!: string;

  @PrimaryColumn({ name: 'program_id', type: 'text' })
  programId!: string;

  @Column({ name: 'program_name', type: 'text' })
  programName!: string;

  @Column({ name: 'last_signature', type: 'text', nullable: true })
  lastSignature!: string | null;

  /** bigints as decimal strings (pg returns int8 as text). */
  @Column({ name: 'last_slot', type: 'bigint', nullable: true })
  lastSlot!: string | null;

  @Column({ name: 'indexed_slot', type: 'bigint', nullable: true })
  indexedSlot!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
