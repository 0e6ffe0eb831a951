import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TopicData, chainEvmReorgTopic } from '@convergence/schemas';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../clock/clock';
import { AchievementRecorder } from '../eligibility/achievement.recorder';
import { revokedAchievementsOf } from '../eligibility/unlock-decisions.util';
import { WalletStateLoader } from '../eligibility/wallet-state.loader';
import { EngineMetrics } from '../metrics/engine.metrics';
import type { LogEffects } from '../projection/log-effects.util';
import { profileUpdatesOf } from '../projection/profile-updates.util';
import { ProjectionStore } from '../projection/projection.store';
import { ProfileUpdatesOutbox } from '../profiles/profile-updates.outbox';
import { UnlockRulesCache } from '../unlocks/unlock-rules.cache';

export type EvmReorg = TopicData<typeof chainEvmReorgTopic>;

/** What undoing a reorg did. */
export interface ReorgResult {
  readonly undone: number;
  readonly revoked: number;
  /** Blocks an earlier reorg orphaned that this one makes eligible again (an A→B→A flip). */
  readonly restorable: number;
}

/**
 * Undoes what orphaned blocks did to the profiles (their logs are unconfirmed, so their effects are
 * still on record), then revokes the provisional unlocks the touched wallets no longer meet and
 * announces the changed profiles. Blocks an earlier reorg orphaned above this one's common ancestor
 * are forgotten first, so the branch this reorg returns to (A→B→A) applies again when republished.
 * Applying the same reorg twice finds nothing left to undo.
 */
@Injectable()
export class EvmReorgProcessor {
  private readonly logger = new Logger(EvmReorgProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly store: ProjectionStore,
    private readonly loader: WalletStateLoader,
    private readonly recorder: AchievementRecorder,
    private readonly rules: UnlockRulesCache,
    private readonly metrics: EngineMetrics,
    private readonly profileUpdates: ProfileUpdatesOutbox,
  ) {}

  async apply(reorg: EvmReorg): Promise<ReorgResult> {
    const { chainId } = reorg;
    const blocks = reorg.orphanedBlocks.map((b) => ({ number: BigInt(b.number), hash: b.hash }));
    const result = await this.dataSource.transaction(async (manager) => {
      await this.store.lockChain(manager, chainId);
      const restorable = await this.store.forgetOrphansAbove(
        manager,
        chainId,
        BigInt(reorg.commonAncestor.number),
        blocks.map((b) => b.hash),
      );
      const { undo, belowConfirmed } = await this.store.orphanBlocks(manager, chainId, blocks);
      if (belowConfirmed > 0) {
        // Deeper than the indexer's finality: confirmed effects stay; reconciliation corrects them.
        this.metrics.confirmedOrphans.inc({ chain: String(chainId) }, belowConfirmed);
        this.logger.error({ msg: 'reorg orphaned confirmed blocks', chainId, belowConfirmed });
      }
      await this.store.undo(manager, undo, await this.store.pendingEvents(manager, chainId));
      await this.store.rewindCursor(manager, chainId, {
        number: BigInt(reorg.commonAncestor.number),
        hash: reorg.commonAncestor.hash,
      });
      const wallets = [...new Set(undo.flatMap((event) => walletsOf(event.effects)))];
      const now = this.clock();
      const states = await this.loader.load(manager, wallets, now);
      const reason = `reorg on chain ${chainId}: ${blocks.length} block(s) after ${reorg.commonAncestor.number} orphaned`;
      let revoked = 0;
      for (const state of states.values()) {
        const ids = revokedAchievementsOf(this.rules.rulesById(), state);
        revoked += await this.recorder.revoke(manager, state.wallet, ids, reason, now);
      }
      await this.profileUpdates.enqueue(
        manager,
        profileUpdatesOf(undo.map((event) => ({ effects: event.effects, confirmed: false }))),
      );
      return { undone: undo.length, revoked, restorable: restorable.length };
    });
    this.metrics.reorgs.inc({ chain: String(chainId) });
    this.logger.log({ msg: 'reorg applied', chainId, depth: reorg.depth, ...result });
    return result;
  }
}

function walletsOf(effects: LogEffects): string[] {
  const wallets = [...effects.activity.map((a) => a.wallet), ...effects.balances.map((b) => b.wallet)];
  if (effects.nft?.from) wallets.push(effects.nft.from);
  if (effects.nft?.to) wallets.push(effects.nft.to);
  return wallets;
}
