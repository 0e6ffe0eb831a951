import type { settlementStates } from '@convergence/schemas';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { SentimentResult } from '../llm/sentiment.model';
import type { MultisigProposal } from './multisig-proposal.util';

export type SettlementState = (typeof settlementStates)[number];

/** One market's durable settlement: where it stands, what it decided, and when to try next. */
@Entity({ name: 'settlement_jobs' })
@Index('settlement_jobs_due_idx', ['state', 'nextAttemptAt'])
export class SettlementJobEntity {
  @PrimaryColumn({ name: 'chain_id', type: 'integer' })
  chainId!: number;

  @PrimaryColumn({ name: 'market_id', type: 'text' })
  marketId!: string;

  @Column({ type: 'text' })
  state!: SettlementState;

  /** Failed attempts of the current step. */
  @Column({ type: 'integer' })
  attempt!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt!: Date;

  /** Set while a worker holds the job; an expired lease lets another worker take it. */
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  /** The worker holding the lease: only it may renew, release or write the job while the lease lasts. */
  @Column({ name: 'lease_owner', type: 'text', nullable: true })
  leaseOwner!: string | null;

  @Column({ name: 'queued_at', type: 'timestamptz' })
  queuedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'settled_at', type: 'timestamptz', nullable: true })
  settledAt!: Date | null;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason!: string | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  analysis!: SentimentResult | null;

  @Column({ name: 'vrf_request_id', type: 'text', nullable: true })
  vrfRequestId!: string | null;

  @Column({ name: 'vrf_requested_at', type: 'timestamptz', nullable: true })
  vrfRequestedAt!: Date | null;

  @Column({ name: 'vrf_rerequests', type: 'integer' })
  vrfRerequests!: number;

  @Column({ type: 'text', nullable: true })
  winner!: string | null;

  /** Transaction hash per step that sent one (recordSentiment, requestRandomness, settleLottery, closeMarket). */
  @Column({ name: 'tx_hashes', type: 'jsonb' })
  txHashes!: Record<string, string>;

  /** SETTLEMENT_MODE=multisig: the transaction waiting for the multisig to execute it. */
  @Column({ type: 'jsonb', nullable: true })
  proposal!: MultisigProposal | null;
}
