import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ENGINE_ENV, type UnlockEngineEnv } from '../config/env';
import { UnlockRulesCache } from '../unlocks/unlock-rules.cache';

/** What `GET /status` reports: definitions, background re-evaluations, chain progress and outbox. */
export interface EngineStatus {
  readonly definitions: { readonly total: number; readonly active: number };
  readonly reevaluations: ReadonlyArray<{
    unlockId: string;
    version: number;
    status: string;
    total: number;
    processed: number;
    achieved: number;
    progress: number;
    startedAt: string | null;
    finishedAt: string | null;
  }>;
  readonly chains: ReadonlyArray<{
    chainId: number;
    blockNumber: string;
    confirmedBlockNumber: string | null;
  }>;
  readonly outboxPending: number;
  /** The Solana cluster and mints followed, and transfers applied but not yet covered by a finalized slot. */
  readonly solana: {
    readonly cluster: string;
    readonly mints: readonly string[];
    readonly unfinalized: number;
  };
}

/** Operators' view of the engine's background work. */
@Injectable()
export class StatusService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ENGINE_ENV) private readonly env: UnlockEngineEnv,
    private readonly rules: UnlockRulesCache,
  ) {}

  async status(): Promise<EngineStatus> {
    const jobs = (await this.dataSource.query(
      `SELECT unlock_id, unlock_version, status, total, processed, achieved, started_at, finished_at
       FROM reevaluation_jobs ORDER BY (status = 'done'), id DESC LIMIT 50`,
    )) as Array<{
      unlock_id: string;
      unlock_version: number;
      status: string;
      total: number;
      processed: number;
      achieved: number;
      started_at: Date | null;
      finished_at: Date | null;
    }>;
    const chains = (await this.dataSource.query(
      `SELECT chain_id, block_number::text, confirmed_block_number::text FROM chain_cursors ORDER BY chain_id`,
    )) as Array<{ chain_id: number; block_number: string; confirmed_block_number: string | null }>;
    const [{ pending }] = (await this.dataSource.query(
      'SELECT count(*)::int AS pending FROM outbox WHERE published_at IS NULL',
    )) as [{ pending: number }];
    const [{ unfinalized }] = (await this.dataSource.query(
      'SELECT count(*)::int AS unfinalized FROM solana_events WHERE cluster = $1 AND NOT confirmed',
      [this.env.UNLOCK_SOLANA_CLUSTER],
    )) as [{ unfinalized: number }];
    const all = this.rules.all();
    return {
      definitions: { total: all.length, active: all.filter((rule) => rule.active).length },
      reevaluations: jobs.map((job) => ({
        unlockId: job.unlock_id,
        version: job.unlock_version,
        status: job.status,
        total: job.total,
        processed: job.processed,
        achieved: job.achieved,
        progress: job.status === 'done' ? 1 : job.total > 0 ? Math.min(1, job.processed / job.total) : 0,
        startedAt: job.started_at ? new Date(job.started_at).toISOString() : null,
        finishedAt: job.finished_at ? new Date(job.finished_at).toISOString() : null,
      })),
      chains: chains.map((c) => ({
        chainId: c.chain_id,
        blockNumber: c.block_number,
        confirmedBlockNumber: c.confirmed_block_number,
      })),
      outboxPending: pending,
      solana: { cluster: this.env.UNLOCK_SOLANA_CLUSTER, mints: this.env.UNLOCK_SOLANA_MINTS, unfinalized },
    };
  }
}
