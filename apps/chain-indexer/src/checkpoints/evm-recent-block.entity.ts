import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The hashes of a chain's most recently indexed blocks, to find the common ancestor of a reorg after a restart. */
@Entity({ name: 'evm_recent_blocks' })
export class EvmRecentBlockEntity {
  @PrimaryColumn({ name: 'chain_id', type: 'integer' })
  chainId!: number;

  @PrimaryColumn({ name: 'block_number', type: 'bigint' })
  blockNumber!: string;

  @Column({ name: 'block_hash', type: 'text' })
  blockHash!: string;

  @Column({ name: 'parent_hash', type: 'text' })
  parentHash!: string;
}
