import { Inject, Injectable } from '@nestjs/common';
import { METRICS_REGISTRY } from '@convergence/telemetry';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** Every metric unlock-engine exports, declared once (STYLE.md). */
@Injectable()
export class EngineMetrics {
  readonly eventsApplied: Counter<'topic'>;
  readonly duplicates: Counter<'topic'>;
  readonly orphanedSkipped: Counter;
  readonly batchSeconds: Histogram<'topic'>;
  readonly batchSize: Histogram<'topic'>;
  readonly batchStageSeconds: Histogram<'stage'>;
  readonly achievements: Counter<'provisional'>;
  readonly revocations: Counter;
  readonly reorgs: Counter<'chain'>;
  readonly confirmedOrphans: Counter<'chain'>;
  readonly eligibilitySeconds: Histogram;
  readonly reconciliations: Counter<'trigger' | 'outcome'>;
  readonly drifts: Counter<'kind'>;
  readonly reevaluatedWallets: Counter<'unlock_id'>;
  readonly reevaluationProgress: Gauge<'unlock_id' | 'version'>;
  readonly reevaluationsRunning: Gauge;
  readonly interpretations: Counter<'outcome'>;
  readonly wallets: Gauge;
  readonly solanaIgnored: Counter<'reason'>;
  private walletCount?: () => Promise<number>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    const registers = [registry];
    // Set on each scrape from the projection (see `countWalletsWith`); the last value stays if that fails.
    const walletCount = () => this.walletCount;
    this.eventsApplied = new Counter({
      name: 'unlock_engine_events_applied_total',
      help: 'Chain events applied to profiles for the first time.',
      labelNames: ['topic'],
      registers,
    });
    this.duplicates = new Counter({
      name: 'unlock_engine_duplicate_events_skipped_total',
      help: 'Events delivered again after their effect was already applied.',
      labelNames: ['topic'],
      registers,
    });
    this.orphanedSkipped = new Counter({
      name: 'unlock_engine_orphaned_events_skipped_total',
      help: 'Logs of blocks a reorg had already orphaned when they arrived.',
      registers,
    });
    this.batchSeconds = new Histogram({
      name: 'unlock_engine_batch_duration_seconds',
      help: 'Time to apply one Kafka batch (projection, evaluation, outbox) in one transaction.',
      labelNames: ['topic'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.batchSize = new Histogram({
      name: 'unlock_engine_batch_events',
      help: 'Events per applied Kafka batch.',
      labelNames: ['topic'],
      buckets: [1, 10, 50, 100, 250, 500, 1000, 2500, 5000],
      registers,
    });
    this.batchStageSeconds = new Histogram({
      name: 'unlock_engine_batch_stage_duration_seconds',
      help: 'Time one Kafka batch of EVM logs spends in each stage (parse, lock, effects, idempotency, projection, confirm, cursor, select, state, evaluate, record, profile_updates, commit).',
      labelNames: ['stage'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.achievements = new Counter({
      name: 'unlock_engine_achievements_total',
      help: 'Unlocks achieved (each recorded and announced once).',
      labelNames: ['provisional'],
      registers,
    });
    this.revocations = new Counter({
      name: 'unlock_engine_revocations_total',
      help: 'Provisional unlocks revoked because a reorg undid what they rested on.',
      registers,
    });
    this.reorgs = new Counter({
      name: 'unlock_engine_reorgs_applied_total',
      help: 'chain.evm.reorg.v1 events applied.',
      labelNames: ['chain'],
      registers,
    });
    this.confirmedOrphans = new Counter({
      name: 'unlock_engine_confirmed_blocks_orphaned_total',
      help: 'Orphaned blocks at or below the confirmed watermark: deeper than finality, effects stay (reconcile).',
      labelNames: ['chain'],
      registers,
    });
    this.eligibilitySeconds = new Histogram({
      name: 'unlock_engine_eligibility_duration_seconds',
      help: 'Time to answer one eligibility query inside the service.',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1],
      registers,
    });
    this.reconciliations = new Counter({
      name: 'unlock_engine_reconciliations_total',
      help: 'Wallets compared with the chain, by trigger and outcome.',
      labelNames: ['trigger', 'outcome'],
      registers,
    });
    this.drifts = new Counter({
      name: 'unlock_engine_reconciliation_drifts_total',
      help: 'Holdings the projection had wrong, corrected from the chain.',
      labelNames: ['kind'],
      registers,
    });
    this.reevaluatedWallets = new Counter({
      name: 'unlock_engine_reevaluated_wallets_total',
      help: 'Wallets re-evaluated in the background after a definition was added or changed.',
      labelNames: ['unlock_id'],
      registers,
    });
    this.reevaluationProgress = new Gauge({
      name: 'unlock_engine_reevaluation_progress_ratio',
      help: 'Share of known wallets a running background re-evaluation has done (1 when finished).',
      labelNames: ['unlock_id', 'version'],
      registers,
    });
    this.reevaluationsRunning = new Gauge({
      name: 'unlock_engine_reevaluations_pending',
      help: 'Background re-evaluations not finished yet.',
      registers,
    });
    this.interpretations = new Counter({
      name: 'unlock_engine_ceremony_interpretations_total',
      help: "Ceremonies served, by whether the oracle's interpretation or the fallback text was played.",
      labelNames: ['outcome'],
      registers,
    });
    this.solanaIgnored = new Counter({
      name: 'unlock_engine_solana_events_ignored_total',
      help: 'chain.solana.tx.v1 events that moved no holdings, by why: cluster, kind, mint or owner.',
      labelNames: ['reason'],
      registers,
    });
    this.wallets = new Gauge({
      name: 'unlock_engine_wallets',
      help: 'Wallet profiles known: wallets with any projected activity (counted at scrape time).',
      registers,
      async collect() {
        const count = walletCount();
        if (count === undefined) return;
        try {
          this.set(await count());
        } catch {
          // A failed count keeps the last value; the database readiness check reports the outage.
        }
      },
    });
  }

  /** Where `unlock_engine_wallets` reads its value from on each scrape. */
  countWalletsWith(count: () => Promise<number>): void {
    this.walletCount = count;
  }
}
