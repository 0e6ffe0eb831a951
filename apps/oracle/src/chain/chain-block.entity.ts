import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The hash of a block whose logs the market log reader applied (the blocks of those logs and the end of
 * each range read), kept for the last CHAIN_REORG_WINDOW blocks: a changed hash is a reorg, and the
 * newest block still matching the chain is where the reader rewinds to.
 */
@Entity({ name: 'chain_blocks' })
export class ChainBlockEntity {
  @PrimaryColumn({ name: 'chain_id', type: 'integer' })
  chainId!: number;

  @PrimaryColumn({ type: 'bigint' })
  number!: string;

  @Column({ type: 'text' })
  hash!: string;
}
