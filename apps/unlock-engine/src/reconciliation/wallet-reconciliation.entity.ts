import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** When a wallet was last compared with the chain, so the schedule visits the stalest first. */
@Entity({ name: 'wallet_reconciliations' })
@Index('wallet_reconciliations_at_idx', ['reconciledAt'])
export class WalletReconciliationEntity {
  @PrimaryColumn({ type: 'text' })
  wallet!: string;

  @Column({ name: 'reconciled_at', type: 'timestamptz' })
  reconciledAt!: Date;

  @Column({ name: 'block_number', type: 'bigint' })
  blockNumber!: string;

  @Column({ name: 'drift_count', type: 'integer' })
  driftCount!: number;
}
