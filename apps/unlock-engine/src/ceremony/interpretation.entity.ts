import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The oracle's latest interpretation of a wallet's unlock, played in its ceremony. */
@Entity({ name: 'interpretations' })
export class InterpretationEntity {
  @PrimaryColumn({ type: 'text' })
  wallet!: string;

  @PrimaryColumn({ name: 'unlock_id', type: 'text' })
  unlockId!: string;

  @Column({ type: 'text' })
  text!: string;

  /** claude, fallback or cache, as the oracle reports it. */
  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'text', nullable: true })
  model!: string | null;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;
}
