import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One Staked event: who put how much behind which opinion hash. */
@Entity({ name: 'stakes' })
@Index('stakes_market_idx', ['chainId', 'marketId'])
@Index('stakes_staker_idx', ['staker'])
export class StakeEntity {
  @PrimaryColumn({ name: 'chain_id', type: 'integer' })
  chainId!: number;

  @PrimaryColumn({ name: 'tx_hash', type: 'text' })
  txHash!: string;

  @PrimaryColumn({ name: 'log_index', type: 'integer' })
  logIndex!: number;

  @Column({ name: 'market_id', type: 'text' })
  marketId!: string;

  /** Lowercase address. */
  @Column({ type: 'text' })
  staker!: string;

  @Column({ type: 'numeric', precision: 78, scale: 0 })
  amount!: string;

  @Column({ name: 'opinion_hash', type: 'text' })
  opinionHash!: string;

  @Column({ name: 'block_number', type: 'bigint' })
  blockNumber!: string;
}
