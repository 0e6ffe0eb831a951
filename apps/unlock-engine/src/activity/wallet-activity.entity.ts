import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** How often each wallet appeared in each kind of contract event, and when first and last. */
@Entity({ name: 'wallet_activity' })
@Index('wallet_activity_last_seen_idx', ['lastSeenAt'])
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
}
