import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type AuthAction = 'siwe.verify' | 'token.refresh' | 'token.access' | 'api-key.use' | 'logout';

/** One authentication attempt: who (wallet or API key), what, whether it worked, from where. */
@Entity({ name: 'auth_log' })
@Index('auth_log_subject_at_idx', ['subject', 'at'])
@Index('auth_log_ip_at_idx', ['ip', 'at'])
export class AuthLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  /** Lowercase wallet, or `key:<prefix>` for an API key; null when the caller could not be told. */
  @Column({ type: 'text', nullable: true })
  subject!: string | null;

  @Column({ type: 'text' })
  action!: AuthAction;

  @Column({ type: 'boolean' })
  success!: boolean;

  @Column({ type: 'text' })
  ip!: string;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;
}
