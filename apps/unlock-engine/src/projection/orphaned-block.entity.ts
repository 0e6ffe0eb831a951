import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Blocks a reorg took off the chain; a log of one arriving late (another topic) is not applied. */
@Entity({ name: 'orphaned_blocks' })
export class OrphanedBlockEntity {
  @PrimaryColumn({ name: 'chain_id', type: 'integer' })
  chainId!: number;

  @PrimaryColumn({ name: 'block_hash', type: 'text' })
  blockHash!: string;

  @Column({ name: 'block_number', type: 'bigint' })
  blockNumber!: string;

  @Column({ name: 'orphaned_at', type: 'timestamptz', default: () => 'now()' })
  orphanedAt!: Date;
}
