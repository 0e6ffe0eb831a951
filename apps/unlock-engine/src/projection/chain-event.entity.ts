import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { LogEffects } from './log-effects.util';

/**
 * Every chain log applied to the profiles, by its event id (`chainId:blockHash:logIndex`): the
 * idempotency record, and while unconfirmed the effects an orphaning reorg has to undo.
 */
@Entity({ name: 'chain_events' })
@Index('chain_events_block_idx', ['chainId', 'blockHash'], { where: 'NOT confirmed AND NOT orphaned' })
@Index('chain_events_unconfirmed_idx', ['chainId', 'blockNumber'], {
  where: 'NOT confirmed AND NOT orphaned',
})
// Only orphaned logs: a reorg returning to their branch (A→B→A) finds them by block to forget them.
@Index('chain_events_orphaned_idx', ['chainId', 'blockHash'], { where: 'orphaned' })
export class ChainEventEntity {
  @PrimaryColumn({ name: 'event_id', type: 'text' })
  eventId!: string;

  @Column({ name: 'chain_id', type: 'integer' })
  chainId!: number;

  @Column({ name: 'block_number', type: 'bigint' })
  blockNumber!: string;

  @Column({ name: 'block_hash', type: 'text' })
  blockHash!: string;

  @Column({ name: 'log_index', type: 'integer' })
  logIndex!: number;

  @Column({ name: 'block_time', type: 'timestamptz' })
  blockTime!: Date;

  @Column({ type: 'boolean' })
  confirmed!: boolean;

  @Column({ type: 'boolean', default: false })
  orphaned!: boolean;

  /** Kept while unconfirmed, so a reorg can undo them and a confirmation can count them as confirmed. */
  @Column({ type: 'jsonb', nullable: true })
  effects!: LogEffects | null;
}
