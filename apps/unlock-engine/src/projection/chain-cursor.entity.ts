import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How far the projection has applied each chain, and up to which block it counts as confirmed. */
@Entity({ name: 'chain_cursors' })
export class ChainCursorEntity {
  @PrimaryColumn({ name: 'chain_id', type: 'integer' })
  chainId!: number;

  @Column({ name: 'block_number', type: 'bigint' })
  blockNumber!: string;

  @Column({ name: 'block_hash', type: 'text' })
  blockHash!: string;

  @Column({ name: 'confirmed_block_number', type: 'bigint', nullable: true })
  confirmedBlockNumber!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
