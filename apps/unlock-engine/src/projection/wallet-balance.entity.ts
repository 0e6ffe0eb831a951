import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A wallet's balance of one configured ERC-20, in base units, with and without unconfirmed blocks. */
@Entity({ name: 'wallet_balances' })
export class WalletBalanceEntity {
  @PrimaryColumn({ type: 'text' })
  wallet!: string;

  @PrimaryColumn({ type: 'text' })
  token!: string;

  @Column({ type: 'numeric', precision: 78, scale: 0 })
  amount!: string;

  @Column({ name: 'confirmed_amount', type: 'numeric', precision: 78, scale: 0 })
  confirmedAmount!: string;
}
