import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { SplTransferEffects } from './spl-transfer-effects.util';

/**
 * Every SPL transfer applied to the Solana holdings, by its event id (`cluster:signature:i[.j]`): the
 * idempotency record, and while not finalized the effects a finalized slot later counts as confirmed.
 */
@Entity({ name: 'solana_events' })
@Index('solana_events_unconfirmed_idx', ['cluster', 'slot'], { where: 'NOT confirmed' })
export class SolanaEventEntity {
  @PrimaryColumn({ name: 'event_id', type: 'text' })
  eventId!: string;

  @Column({ type: 'text' })
  cluster!: string;

  @Column({ type: 'bigint' })
  slot!: string;

  @Column({ type: 'text' })
  signature!: string;

  /** Read at `finalized` commitment, or covered by a finalized slot since. */
  @Column({ type: 'boolean' })
  confirmed!: boolean;

  @Column({ type: 'jsonb', nullable: true })
  effects!: SplTransferEffects | null;
}
