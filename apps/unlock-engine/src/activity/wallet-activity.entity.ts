import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How often each wallet appeared in each kind of contract event, and when first and last — with
 * and without unconfirmed blocks, so a reorg can fall back to what is confirmed.
 */
@Entity({ name: 'wallet_activity' })
export class WalletActivityEntity {
  @PrimaryColumn({ type: 'text' })
  wallet!: string;

  @PrimaryColumn({ name: 'event_name', type: 'text' })
  eventName!: string;

  @Column({ type: 'bigint' })
  count!: string;

  @Column({ name: 'first_seen_at', type: 'timestamptz' })
  firstSeenAt!: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt!: Date;

  @Column({ name: 'last_block', type: 'bigint' })
  lastBlock!: string;

  @Column({ name: 'confirmed_count', type: 'bigint', default: 0 })
  confirmedCount!: string;

  @Column({ name: 'confirmed_first_seen_at', type: 'timestamptz', nullable: true })
  confirmedFirstSeenAt!: Date | null;

  @Column({ name: 'confirmed_last_seen_at', type: 'timestamptz', nullable: true })
  confirmedLastSeenAt!: Date | null;
}
