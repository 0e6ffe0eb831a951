import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OutboxService } from '@convergence/messaging';
import { topics } from '@convergence/schemas';
import type { DataSource, EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../config/clock';
import { OracleMetrics } from '../metrics/oracle.metrics';
import { settlementEvent } from './settlement-events.util';
import { SettlementJobEntity, type SettlementState } from './settlement-job.entity';

/** Another worker moved the job first, or took it over once this worker's lease lapsed; this one drops its result. */
export class StaleJobError extends Error {
  override readonly name = 'StaleJobError';
}

const OPEN_STATES: SettlementState[] = [
  'queued',
  'analyzing',
  'sentiment_recorded',
  'randomness_requested',
  'randomness_fulfilled',
];

/**
 * The settlement jobs table: queueing, leasing due jobs, and state changes that write the job and its
 * oracle.settlement.v1 event in one transaction (the outbox), guarded by the state they started from.
 */
@Injectable()
export class SettlementStore {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly metrics: OracleMetrics,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Queues a market once (a second call does nothing); returns whether it was new. */
  async enqueue(manager: EntityManager, chainId: number, marketId: string): Promise<boolean> {
    const now = this.clock();
    const inserted = (await manager.query(
      `INSERT INTO settlement_jobs (chain_id, market_id, state, attempt, next_attempt_at, queued_at, updated_at,
                                    vrf_rerequests, tx_hashes)
       VALUES ($1, $2, 'queued', 0, $3, $3, $3, 0, '{}') ON CONFLICT DO NOTHING RETURNING market_id`,
      [chainId, marketId, now],
    )) as unknown[];
    if (inserted.length === 0) return false;
    await this.outbox.enqueue(
      manager,
      topics.oracleSettlement,
      settlementEvent({
        chainId,
        marketId,
        state: 'queued',
        previousState: null,
        attempt: 0,
        changedAt: now,
      }),
    );
    this.metrics.settlementTransitions.inc({ state: 'queued' });
    return true;
  }

  /**
   * Leases up to `limit` due jobs to `owner` (SKIP LOCKED: replicas never take the same job). Only a job
   * whose lease lapsed can be taken, and from then on only the new owner's writes land (see `patch`).
   */
  async leaseDue(
    limit: number,
    leaseMs: number,
    exclude: string[],
    owner: string,
  ): Promise<SettlementJobEntity[]> {
    if (limit <= 0) return [];
    const now = this.clock();
    const rows = (await this.dataSource.query(
      `UPDATE settlement_jobs SET lease_until = $1, lease_owner = $6
        WHERE (chain_id, market_id) IN (
          SELECT chain_id, market_id FROM settlement_jobs
           WHERE state = ANY($2) AND next_attempt_at <= $3 AND (lease_until IS NULL OR lease_until < $3)
             AND NOT (chain_id::text || ':' || market_id = ANY($4))
           ORDER BY next_attempt_at LIMIT $5 FOR UPDATE SKIP LOCKED)
        RETURNING chain_id, market_id`,
      [new Date(now.getTime() + leaseMs), OPEN_STATES, now, exclude, limit, owner],
    )) as [Array<{ chain_id: number; market_id: string }>, number];
    const keys = rows[0];
    if (keys.length === 0) return [];
    return this.dataSource
      .getRepository(SettlementJobEntity)
      .find({ where: keys.map((k) => ({ chainId: k.chain_id, marketId: k.market_id })) });
  }

  /** Gives the lease back, if `job`'s owner still holds it. */
  async release(job: SettlementJobEntity): Promise<void> {
    if (!job.leaseOwner) return;
    await this.dataSource
      .getRepository(SettlementJobEntity)
      .update(
        { chainId: job.chainId, marketId: job.marketId, leaseOwner: job.leaseOwner },
        { leaseUntil: null, leaseOwner: null },
      );
  }

  /** Saves fields of the job without changing its state (analysis, VRF request, proposal, attempts). */
  async patch(
    job: SettlementJobEntity,
    patch: Partial<SettlementJobEntity>,
    manager?: EntityManager,
  ): Promise<void> {
    const run = async (m: EntityManager) => {
      // A leased job is written only while its owner still holds it: a worker whose lease lapsed (and
      // was taken over) cannot record a second analysis or a second transaction.
      const result = await m.getRepository(SettlementJobEntity).update(
        {
          chainId: job.chainId,
          marketId: job.marketId,
          state: job.state,
          ...(job.leaseOwner ? { leaseOwner: job.leaseOwner } : {}),
        },
        { ...patch, updatedAt: this.clock() },
      );
      if (result.affected !== 1)
        throw new StaleJobError(
          `job ${job.chainId}:${job.marketId} left ${job.state} or its lease passed to another worker`,
        );
    };
    if (manager) await run(manager);
    else await this.dataSource.transaction(run);
    Object.assign(job, patch);
  }

  /**
   * Moves the job to `to` (attempts reset) and enqueues its event, in one transaction; `extra` runs in it
   * too (e.g. the oracle.sentiment.v1 event). Throws StaleJobError if the job is no longer where it was.
   */
  async transition(
    job: SettlementJobEntity,
    to: SettlementState,
    patch: Partial<SettlementJobEntity> = {},
    detail: { txHash?: string; reason?: string } = {},
    extra?: (manager: EntityManager) => Promise<void>,
  ): Promise<void> {
    const now = this.clock();
    const from = job.state;
    const fields: Partial<SettlementJobEntity> = {
      ...patch,
      state: to,
      attempt: 0,
      nextAttemptAt: now,
      lastError: null,
      ...(to === 'settled' ? { settledAt: now } : {}),
      ...(to === 'failed' ? { failureReason: detail.reason ?? 'unknown' } : {}),
    };
    await this.dataSource.transaction(async (manager) => {
      await this.patch(job, fields, manager);
      await this.outbox.enqueue(
        manager,
        topics.oracleSettlement,
        settlementEvent({
          chainId: job.chainId,
          marketId: job.marketId,
          state: to,
          previousState: from,
          attempt: job.attempt,
          changedAt: now,
          ...detail,
        }),
      );
      await extra?.(manager);
    });
    job.state = to;
    this.metrics.settlementTransitions.inc({ state: to });
    if (to === 'settled' || to === 'failed') {
      this.metrics.settlementDuration.observe(
        { outcome: to },
        (now.getTime() - job.queuedAt.getTime()) / 1_000,
      );
    }
  }

  /** Saves fields and runs `extra` (e.g. enqueue an event) in one transaction, without a state change. */
  async transitionless(
    job: SettlementJobEntity,
    patch: Partial<SettlementJobEntity>,
    extra: (manager: EntityManager) => Promise<void>,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.patch(job, patch, manager);
      await extra(manager);
    });
  }

  /** Extends the lease of a job `owner` is still working on; false when the lease is no longer its own. */
  async renewLease(chainId: number, marketId: string, leaseMs: number, owner: string): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(SettlementJobEntity)
      .update(
        { chainId, marketId, leaseOwner: owner },
        { leaseUntil: new Date(this.clock().getTime() + leaseMs) },
      );
    return result.affected === 1;
  }

  async countOpen(): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM settlement_jobs WHERE state = ANY($1)`,
      [OPEN_STATES],
    )) as Array<{ n: number }>;
    return row?.n ?? 0;
  }

  /** Makes a job due now (e.g. its VRF callback was seen on chain). */
  async wake(manager: EntityManager, chainId: number, marketId: string): Promise<void> {
    await manager
      .getRepository(SettlementJobEntity)
      .update({ chainId, marketId }, { nextAttemptAt: this.clock() });
  }
}
