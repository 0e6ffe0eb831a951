import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type LlmPurpose = 'sentiment' | 'interpretation';
export type LlmCallOutcome = 'ok' | 'invalid_output' | 'error';

/** The cost ledger: one row per Messages API call that returned usage (or failed), with its price. */
@Entity({ name: 'llm_calls' })
@Index('llm_calls_called_at_idx', ['calledAt'])
export class LlmCallEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'called_at', type: 'timestamptz' })
  calledAt!: Date;

  @Column({ type: 'text' })
  purpose!: LlmPurpose;

  @Column({ type: 'text' })
  model!: string;

  @Column({ name: 'input_tokens', type: 'integer' })
  inputTokens!: number;

  @Column({ name: 'output_tokens', type: 'integer' })
  outputTokens!: number;

  /** USD, from the configured per-model prices at the time of the call. */
  @Column({ name: 'cost_usd', type: 'numeric', precision: 14, scale: 6 })
  costUsd!: string;

  @Column({ name: 'latency_ms', type: 'integer' })
  latencyMs!: number;

  @Column({ type: 'text' })
  outcome!: LlmCallOutcome;

  @Column({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  @Column({ type: 'text', nullable: true })
  error!: string | null;
}
