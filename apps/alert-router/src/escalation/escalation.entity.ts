import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Where an escalation is: running, or why it ended. */
export type EscalationState = 'active' | 'acknowledged' | 'resolved' | 'exhausted' | 'cancelled';

/** One group's escalation; the active ones are re-armed at boot, so they survive restarts. */
@Entity({ name: 'escalations' })
@Index('escalations_active_idx', ['nextAt'], { where: `state = 'active'` })
export class EscalationEntity {
  @PrimaryColumn({ name: 'group_key', type: 'text' })
  groupKey!: string;

  @Column({ type: 'text' })
  policy!: string;

  /** The route's receiver, told first by the ordinary notification. */
  @Column({ type: 'text' })
  receiver!: string;

  @Column({ type: 'text' })
  state!: EscalationState;

  @Column({ type: 'integer' })
  step!: number;

  @Column({ type: 'integer' })
  round!: number;

  @Column({ name: 'next_at', type: 'timestamptz', nullable: true })
  nextAt!: Date | null;

  /** Receivers escalation steps notified, so an acknowledgement reaches their PagerDuty too. */
  @Column({ name: 'notified_receivers', type: 'text', array: true })
  notifiedReceivers!: string[];

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
