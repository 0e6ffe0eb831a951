import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { extractTraceContext } from '@convergence/telemetry';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import type { DataSource, EntityManager } from 'typeorm';
import { CHAIN_CONTRACTS, type ChainContracts } from '../chain/chain-contracts';
import { CLOCK, type Clock } from '../clock/clock';
import { ENGINE_ENV, type UnlockEngineEnv } from '../config/env';
import { AchievementRecorder } from '../eligibility/achievement.recorder';
import { newAchievementsOf } from '../eligibility/unlock-decisions.util';
import { WalletStateLoader } from '../eligibility/wallet-state.loader';
import { EngineMetrics } from '../metrics/engine.metrics';
import { UnlockRulesCache } from '../unlocks/unlock-rules.cache';
import { ReevaluationQueue } from './reevaluation.queue';

const POLL_MS = 1_000;

interface JobRow {
  id: string;
  unlock_id: string;
  unlock_version: number;
  status: string;
  total: number;
  processed: number;
  cursor: string | null;
  trace_headers: Record<string, string>;
}

const tracer = trace.getTracer('unlock-engine');

/**
 * Works through re-evaluation jobs: every wallet with activity, in wallet order, a page per
 * transaction (job row locked, cursor and progress saved with the page's achievements), so a
 * restart resumes where it stopped and replicas never work on the same job at once.
 */
@Injectable()
export class ReevaluationRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReevaluationRunner.name);
  private stopping = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ENGINE_ENV) private readonly env: UnlockEngineEnv,
    @Inject(CHAIN_CONTRACTS) private readonly contracts: ChainContracts,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly queue: ReevaluationQueue,
    private readonly loader: WalletStateLoader,
    private readonly recorder: AchievementRecorder,
    private readonly rules: UnlockRulesCache,
    private readonly metrics: EngineMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.queue.onEnqueued(() => this.wake?.());
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let worked = false;
      try {
        worked = await this.step();
      } catch (error) {
        this.logger.error({ msg: 're-evaluation step failed', err: error });
      }
      if (!worked) await this.pause(POLL_MS);
    }
  }

  /** One page of the oldest unfinished job; false when there was nothing to do. */
  async step(): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [job] = (await manager.query(
        `SELECT id, unlock_id, unlock_version, status, total, processed, cursor, trace_headers FROM reevaluation_jobs
         WHERE status <> 'done' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      )) as JobRow[];
      await this.refreshPendingGauge(manager);
      if (!job) return false;
      // Each page is a span in the trace of the change that asked for the job (see ReevaluationQueue).
      return context.with(extractTraceContext(job.trace_headers ?? {}, ROOT_CONTEXT), () =>
        tracer.startActiveSpan(
          'unlock re-evaluation page',
          {
            kind: SpanKind.INTERNAL,
            attributes: { 'unlock.id': job.unlock_id, 'unlock.version': job.unlock_version },
          },
          async (span) => {
            try {
              return await this.workOn(manager, job);
            } catch (error) {
              span.recordException(error as Error);
              span.setStatus({ code: SpanStatusCode.ERROR });
              throw error;
            } finally {
              span.end();
            }
          },
        ),
      );
    });
  }

  /** One page of `job` (locked by the caller's transaction). */
  private async workOn(manager: EntityManager, job: JobRow): Promise<boolean> {
    if (job.status === 'pending') await this.start(manager, job);
    const rule = this.rules.get(job.unlock_id);
    const superseded = rule === undefined || rule.version !== job.unlock_version || !rule.active;
    const wallets = superseded ? [] : await this.nextWallets(manager, job.cursor);
    if (wallets.length === 0) {
      await manager.query(`UPDATE reevaluation_jobs SET status = 'done', finished_at = now() WHERE id = $1`, [
        job.id,
      ]);
      this.metrics.reevaluationProgress.set(
        { unlock_id: job.unlock_id, version: String(job.unlock_version) },
        1,
      );
      this.logger.log({
        msg: 're-evaluation finished',
        unlockId: job.unlock_id,
        version: job.unlock_version,
        superseded,
      });
      return true;
    }
    const achieved = await this.evaluatePage(manager, job.unlock_id, wallets);
    const processed = job.processed + wallets.length;
    await manager.query(
      `UPDATE reevaluation_jobs SET processed = $2, achieved = achieved + $3, cursor = $4 WHERE id = $1`,
      [job.id, processed, achieved, wallets[wallets.length - 1]],
    );
    this.metrics.reevaluatedWallets.inc({ unlock_id: job.unlock_id }, wallets.length);
    this.metrics.reevaluationProgress.set(
      { unlock_id: job.unlock_id, version: String(job.unlock_version) },
      job.total > 0 ? Math.min(1, processed / job.total) : 1,
    );
    return true;
  }

  private async start(manager: EntityManager, job: JobRow): Promise<void> {
    const [{ total }] = (await manager.query(
      'SELECT count(DISTINCT wallet)::int AS total FROM wallet_activity',
    )) as [{ total: number }];
    await manager.query(
      `UPDATE reevaluation_jobs SET status = 'running', started_at = now(), total = $2 WHERE id = $1`,
      [job.id, total],
    );
    job.total = total;
  }

  private async nextWallets(manager: EntityManager, cursor: string | null): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT DISTINCT wallet FROM wallet_activity WHERE $1::text IS NULL OR wallet > $1 ORDER BY wallet LIMIT $2`,
      [cursor, this.env.UNLOCK_REEVALUATION_BATCH],
    )) as Array<{ wallet: string }>;
    return rows.map((row) => row.wallet);
  }

  private async evaluatePage(manager: EntityManager, unlockId: string, wallets: string[]): Promise<number> {
    const now = this.clock();
    const [cursor] = (await manager.query('SELECT block_number FROM chain_cursors WHERE chain_id = $1', [
      this.contracts.chainId,
    ])) as Array<{ block_number: string }>;
    const states = await this.loader.load(manager, wallets, now);
    const active = this.rules.active();
    const trigger = { unlockIds: new Set([unlockId]) };
    const drafts = [...states.values()].flatMap((state) =>
      newAchievementsOf(active, state, trigger).map(({ rule, provisional }) => ({
        wallet: state.wallet,
        unlockId: rule.id,
        unlockVersion: rule.version,
        provisional,
        achievedAt: now,
        chainId: this.contracts.chainId,
        // Unconfirmed data behind a provisional achievement is at most the applied head.
        decidingBlockNumber: cursor ? BigInt(cursor.block_number) : undefined,
      })),
    );
    return this.recorder.record(manager, drafts);
  }

  private async refreshPendingGauge(manager: EntityManager): Promise<void> {
    const [{ pending }] = (await manager.query(
      `SELECT count(*)::int AS pending FROM reevaluation_jobs WHERE status <> 'done'`,
    )) as [{ pending: number }];
    this.metrics.reevaluationsRunning.set(pending);
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
