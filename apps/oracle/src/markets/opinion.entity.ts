import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An opinion's text, submitted off-chain with the staker's signature over its hash. */
@Entity({ name: 'opinions' })
export class OpinionEntity {
  @PrimaryColumn({ name: 'chain_id', type: 'integer' })
  chainId!: number;

  @PrimaryColumn({ name: 'market_id', type: 'text' })
  marketId!: string;

  /** Lowercase address. */
  @PrimaryColumn({ type: 'text' })
  staker!: string;

  /** keccak256 of the UTF-8 text: what the staker put on chain. */
  @PrimaryColumn({ name: 'opinion_hash', type: 'text' })
  opinionHash!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text' })
  signature!: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;
}
