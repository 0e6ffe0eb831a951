import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ReevaluationStatus = 'pending' | 'running' | 'done';

/** Re-evaluating every known wallet against a new or changed definition, resumable after a restart. */
@Entity({ name: 'reevaluation_jobs' })
@Index('reevaluation_jobs_status_idx', ['status'])
export class ReevaluationJobEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'unlock_id', type: 'text' })
  unlockId!: string;

  @Column({ name: 'unlock_version', type: 'integer' })
  unlockVersion!: number;

  @Column({ type: 'text' })
  status!: ReevaluationStatus;

  /** Wallets known when the job started. */
  @Column({ type: 'integer', default: 0 })
  total!: number;

  @Column({ type: 'integer', default: 0 })
  processed!: number;

  @Column({ type: 'integer', default: 0 })
  achieved!: number;

  /** The last wallet done, in wallet order. */
  @Column({ type: 'text', nullable: true })
  cursor!: string | null;

  /** W3C trace headers of the change that asked for this job: its pages run in that trace. */
  @Column({ name: 'trace_headers', type: 'jsonb', default: () => "'{}'" })
  traceHeaders!: Record<string, string>;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
