import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** On-chain lifecycle of a market as last read from its contract's events. */
export type MarketChainStatus =
  | 'open'
  | 'closed'
  | 'randomness_requested'
  | 'randomness_fulfilled'
  | 'settled';

/** An opinion market, projected from chain events (MarketCreated, Staked, MarketClosed, …). */
@Entity({ name: 'markets' })
@Index('markets_status_closes_at_idx', ['status', 'closesAt'])
export class MarketEntity {
  @PrimaryColumn({ name: 'chain_id', type: 'integer' })
  chainId!: number;

  /** The contract's uint256 market id, in decimal. */
  @PrimaryColumn({ name: 'market_id', type: 'text' })
  marketId!: string;

  @Column({ type: 'text' })
  contract!: string;

  @Column({ type: 'text' })
  creator!: string;

  @Column({ type: 'text' })
  statement!: string;

  @Column({ name: 'closes_at', type: 'timestamptz' })
  closesAt!: Date;

  @Column({ type: 'text' })
  status!: MarketChainStatus;

  /** Wei, in decimal. */
  @Column({ name: 'total_staked', type: 'numeric', precision: 78, scale: 0 })
  totalStaked!: string;

  @Column({ type: 'text', nullable: true })
  winner!: string | null;

  @Column({ name: 'created_block', type: 'bigint' })
  createdBlock!: string;

  /** The newest block whose log changed this market: a reorg below it re-reads the market from the chain. */
  @Column({ name: 'last_block', type: 'bigint' })
  lastBlock!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
