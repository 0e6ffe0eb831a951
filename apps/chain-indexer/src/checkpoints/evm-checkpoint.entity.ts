import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Where a chain's indexing resumes: every log below `nextBlock` is on Kafka, acknowledged. */
@Entity({ name: 'evm_checkpoints' })
export class EvmCheckpointEntity {
  @PrimaryColumn({ name: 'chain_id', type: 'integer' })
  chainId!: number;

  /** bigint as a decimal string (pg returns int8 as text). */
  @Column({ name: 'next_block', type: 'bigint' })
  nextBlock!: string;

  /** Set when a reorg deeper than finality stopped the chain; cleared by a re-index. */
  @Column({ name: 'halted_reason', type: 'text', nullable: true })
  haltedReason!: string | null;

  @Column({ name: 'halted_at', type: 'timestamptz', nullable: true })
  haltedAt!: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
