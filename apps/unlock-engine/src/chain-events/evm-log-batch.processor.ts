import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Envelope } from '@convergence/schemas';
import type { DataSource, EntityManager } from 'typeorm';
import { CHAIN_CONTRACTS, type ChainContracts } from '../chain/chain-contracts';
import { CLOCK, type Clock } from '../clock/clock';
import { EngineMetrics } from '../metrics/engine.metrics';
import { type Lap, stageLaps } from '../metrics/stage-laps.util';
import { AchievementRecorder, type AchievementDraft } from '../eligibility/achievement.recorder';
import { newAchievementsOf } from '../eligibility/unlock-decisions.util';
import { WalletStateLoader } from '../eligibility/wallet-state.loader';
import type { WalletState } from '../eligibility/wallet-state.model';
import { ProfileUpdatesOutbox } from '../profiles/profile-updates.outbox';
import { type EvmLog, factChangesOf, logEffectsOf } from '../projection/log-effects.util';
import { type AppliedEffects, profileUpdatesOf } from '../projection/profile-updates.util';
import { projectionDeltaOf } from '../projection/projection-delta.util';
import { type ChainEventRow, ProjectionStore } from '../projection/projection.store';
import { factKeyOf } from '../requirements/fact-dependencies.util';
import { type RuleIndex, rulesAffectedBy } from '../unlocks/rule-index.util';
import type { UnlockRule } from '../unlocks/unlock-rule.model';
import { UnlockRulesCache } from '../unlocks/unlock-rules.cache';
import { inFlight, statementsSent } from './in-flight.util';

/** What one batch did. */
export interface LogBatchResult {
  readonly applied: number;
  readonly duplicates: number;
  readonly orphaned: number;
  readonly achievements: number;
}

interface WalletTouch {
  /** Keys of the facts the batch changed for the wallet (`factKeyOf`). */
  factKeys: Set<string>;
  chainId: number;
  blockNumber: bigint;
}

/**
 * Applies a batch of chain logs in one transaction: records each log id once, folds the new logs
 * into balances, NFT owners and activity, confirms what the batch's confirmed logs vouch for,
 * evaluates only the touched wallets against only the unlocks their changes can affect, and
 * announces each changed profile once (`profile.updated.v1`). A fixed handful of set-based
 * statements per batch, whatever its size; where the next step does not need a statement's answer,
 * Node computes while Postgres runs it (`inFlight`), so the two cores work at once. Each stage's
 * time goes to `unlock_engine_batch_stage_duration_seconds`.
 */
@Injectable()
export class EvmLogBatchProcessor {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CHAIN_CONTRACTS) private readonly contracts: ChainContracts,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly store: ProjectionStore,
    private readonly loader: WalletStateLoader,
    private readonly recorder: AchievementRecorder,
    private readonly rules: UnlockRulesCache,
    private readonly profileUpdates: ProfileUpdatesOutbox,
    private readonly metrics: EngineMetrics,
  ) {}

  async apply(envelopes: ReadonlyArray<Envelope<EvmLog>>): Promise<LogBatchResult> {
    const byChain = new Map<number, Map<string, EvmLog>>();
    for (const { id, data } of envelopes) {
      const logs = byChain.get(data.chainId) ?? new Map<string, EvmLog>();
      // The same log twice in a batch (re-published confirmed): one row, confirmed if either says so.
      const seen = logs.get(id);
      logs.set(id, seen ? { ...data, confirmed: seen.confirmed || data.confirmed } : data);
      byChain.set(data.chainId, logs);
    }
    const lap = stageLaps(this.metrics.batchStageSeconds);
    const result = await this.dataSource.transaction(async (manager) => {
      const chainIds = [...byChain.keys()].sort((a, b) => a - b);
      for (const chainId of chainIds) await this.store.lockChain(manager, chainId);
      lap('lock');
      const touched = new Map<string, WalletTouch>();
      const effects: AppliedEffects[] = [];
      let applied = 0;
      let orphaned = 0;
      let duplicates = 0;
      for (const chainId of chainIds) {
        const result = await this.applyChain(manager, chainId, byChain.get(chainId)!, touched, effects, lap);
        applied += result.applied;
        orphaned += result.orphaned;
        duplicates += result.duplicates;
      }
      // One snapshot of the definitions for the whole batch (a reload may swap them meanwhile).
      const index = this.rules.activeIndexed();
      const affected = affectedOf(index, touched);
      lap('select');
      const now = this.clock();
      // The state query goes out first; the profile updates are built (their INSERT queued behind it
      // on the connection) while Postgres runs it, and evaluation runs while Postgres writes them.
      const loading =
        affected.size === 0 ? undefined : inFlight(this.loader.load(manager, [...affected.keys()], now));
      if (loading !== undefined) await statementsSent();
      const announcing = inFlight(this.profileUpdates.enqueue(manager, profileUpdatesOf(effects)));
      lap('profile_updates');
      const states = loading === undefined ? new Map<string, WalletState>() : await loading;
      lap('state');
      const drafts = decide(index.rules, affected, touched, states, now);
      lap('evaluate');
      const achievements = await this.recorder.record(manager, drafts);
      await announcing;
      lap('record');
      return { applied, duplicates, orphaned, achievements };
    });
    lap('commit');
    return result;
  }

  private async applyChain(
    manager: EntityManager,
    chainId: number,
    logs: ReadonlyMap<string, EvmLog>,
    touched: Map<string, WalletTouch>,
    effects: AppliedEffects[],
    lap: Lap,
  ): Promise<{ applied: number; orphaned: number; duplicates: number }> {
    const all = [...logs.entries()];
    const orphanedHashes = await this.store.orphanedAmong(manager, chainId, [
      ...new Set(all.map(([, log]) => log.blockHash.toLowerCase())),
    ]);
    const rows: ChainEventRow[] = all
      .filter(([, log]) => !orphanedHashes.has(log.blockHash.toLowerCase()))
      .map(([eventId, log]) => ({
        eventId,
        chainId,
        blockNumber: BigInt(log.blockNumber),
        blockHash: log.blockHash.toLowerCase(),
        logIndex: log.logIndex,
        blockTime: new Date(log.blockTime),
        confirmed: log.confirmed,
        effects: logEffectsOf(log, this.contracts),
      }));
    lap('effects');
    // While Postgres records the ids, the delta is summed as if every log were new (the usual case);
    // it is summed again over the new ones only when the batch held logs seen before.
    const inserting = inFlight(this.store.insertNewEvents(manager, rows));
    await statementsSent();
    const deltaOfAll = projectionDeltaOf(rows.map((row) => ({ ...row, total: true })));
    const fresh = await inserting;
    const allFresh = fresh.size === rows.length;
    const freshRows = allFresh ? rows : rows.filter((row) => fresh.has(row.eventId));
    lap('idempotency');
    await this.store.applyDelta(
      manager,
      allFresh ? deltaOfAll : projectionDeltaOf(freshRows.map((row) => ({ ...row, total: true }))),
    );
    lap('projection');
    const confirmedNow = new Set<string>();
    let head: ChainEventRow | undefined;
    let confirmedUpTo: bigint | undefined;
    for (const row of rows) {
      if (head === undefined || row.blockNumber >= head.blockNumber) head = row;
      if (row.confirmed && (confirmedUpTo === undefined || row.blockNumber > confirmedUpTo)) {
        confirmedUpTo = row.blockNumber;
      }
    }
    if (confirmedUpTo !== undefined) {
      // A confirmed log vouches for every earlier block of its chain (the indexer confirms in order).
      const confirmed = await this.store.confirmUpTo(manager, chainId, confirmedUpTo);
      await this.store.applyDelta(
        manager,
        projectionDeltaOf(confirmed.map((event) => ({ ...event, total: false, confirmed: true }))),
      );
      await this.recorder.confirmUpTo(manager, chainId, confirmedUpTo, this.clock());
      for (const event of confirmed) {
        confirmedNow.add(event.eventId);
        if (!fresh.has(event.eventId)) effects.push({ effects: event.effects, confirmed: true });
      }
    }
    for (const row of freshRows) {
      effects.push({ effects: row.effects, confirmed: row.confirmed || confirmedNow.has(row.eventId) });
    }
    lap('confirm');
    if (head !== undefined) {
      await this.store.advanceCursor(manager, {
        chainId,
        blockNumber: head.blockNumber,
        blockHash: head.blockHash,
        confirmedUpTo,
      });
    }
    lap('cursor');
    for (const row of freshRows) {
      for (const [wallet, changes] of factChangesOf(row.effects)) {
        let touch = touched.get(wallet);
        if (touch === undefined) {
          touch = { factKeys: new Set(), chainId, blockNumber: row.blockNumber };
          touched.set(wallet, touch);
        } else if (row.blockNumber > touch.blockNumber) touch.blockNumber = row.blockNumber;
        for (const change of changes) touch.factKeys.add(factKeyOf(change));
      }
    }
    return {
      applied: freshRows.length,
      orphaned: all.length - rows.length,
      duplicates: rows.length - freshRows.length,
    };
  }
}

/**
 * The wallets whose changes some active unlock depends on, each with only those unlocks (the state
 * of no other wallet is loaded).
 */
function affectedOf(index: RuleIndex, touched: ReadonlyMap<string, WalletTouch>): Map<string, Set<string>> {
  const affected = new Map<string, Set<string>>();
  if (index.rules.length === 0) return affected;
  for (const [wallet, touch] of touched) {
    const unlockIds = rulesAffectedBy(index, touch.factKeys);
    if (unlockIds.size > 0) affected.set(wallet, unlockIds);
  }
  return affected;
}

/**
 * Evaluates each affected wallet against only its unlocks (and, through `newAchievementsOf`, the
 * unlocks requiring one just met): the achievements to record.
 */
function decide(
  rules: readonly UnlockRule[],
  affected: ReadonlyMap<string, ReadonlySet<string>>,
  touched: ReadonlyMap<string, WalletTouch>,
  states: ReadonlyMap<string, WalletState>,
  now: Date,
): AchievementDraft[] {
  const drafts: AchievementDraft[] = [];
  for (const [wallet, unlockIds] of affected) {
    const state = states.get(wallet);
    const touch = touched.get(wallet)!;
    if (state === undefined) continue;
    for (const { rule, provisional } of newAchievementsOf(rules, state, { unlockIds })) {
      drafts.push({
        wallet,
        unlockId: rule.id,
        unlockVersion: rule.version,
        provisional,
        achievedAt: now,
        chainId: touch.chainId,
        decidingBlockNumber: touch.blockNumber,
      });
    }
  }
  return drafts;
}
