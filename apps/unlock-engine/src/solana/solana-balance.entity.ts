import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A Solana wallet's balance of one configured SPL mint, in base units, with and without slots not yet finalized. */
@Entity({ name: 'solana_balances' })
export class SolanaBalanceEntity {
  /** The token accounts' owner (base58, as written). */
  @PrimaryColumn({ type: 'text' })
  owner!: string;

  @PrimaryColumn({ type: 'text' })
  mint!: string;

  @Column({ type: 'numeric', precision: 78, scale: 0 })
  amount!: string;

  @Column({ name: 'confirmed_amount', type: 'numeric', precision: 78, scale: 0 })
  confirmedAmount!: string;
}
