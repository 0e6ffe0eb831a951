import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The next block to read a contract's logs from; advanced in the same transaction as their effects. */
@Entity({ name: 'chain_cursors' })
export class ChainCursorEntity {
  @PrimaryColumn({ name: 'chain_id', type: 'integer' })
  chainId!: number;

  @PrimaryColumn({ type: 'text' })
  contract!: string;

  @Column({ name: 'next_block', type: 'bigint' })
  nextBlock!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
