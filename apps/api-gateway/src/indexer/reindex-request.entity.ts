import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A re-index an operator asked for through the gateway, with the head it has to reach: the indexer
 * reports where it is, this row says where it is going, so a progress bar survives gateway restarts.
 */
@Entity({ name: 'reindex_requests' })
@Index('reindex_requests_chain_at_idx', ['chainId', 'requestedAt'])
export class ReindexRequestEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'chain_id', type: 'integer' })
  chainId!: number;

  /** Decimal block numbers (uint256-safe as text). */
  @Column({ name: 'from_block', type: 'text' })
  fromBlock!: string;

  /** The chain head the indexer reported when it accepted the request; null when it did not know it. */
  @Column({ name: 'target_block', type: 'text', nullable: true })
  targetBlock!: string | null;

  /** Wallet or `key:<prefix>` of the operator. */
  @Column({ name: 'requested_by', type: 'text' })
  requestedBy!: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;
}
