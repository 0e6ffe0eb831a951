import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OutboxService } from '@convergence/messaging';
import { createEnvelope, topics } from '@convergence/schemas';
import type { DataSource, EntityManager } from 'typeorm';
import {
  CHAIN_CONTRACTS,
  type ChainContracts,
  TOKEN_SYMBOLS,
  addressOfToken,
} from '../chain/chain-contracts';
import { EVM_CHAIN_CLIENT, type EvmChainClient } from '../chain/evm-chain.client';
import { CLOCK, type Clock } from '../clock/clock';
import { SERVICE_NAME } from '../config/env';
import { AchievementRecorder } from '../eligibility/achievement.recorder';
import { newAchievementsOf } from '../eligibility/unlock-decisions.util';
import { WalletStateLoader } from '../eligibility/wallet-state.loader';
import { EngineRequestError } from '../http/engine-request.error';
import { EngineMetrics } from '../metrics/engine.metrics';
import { COVENANT_COLLECTION } from '../projection/log-effects.util';
import { ProjectionStore } from '../projection/projection.store';
import { ProfileUpdatesOutbox } from '../profiles/profile-updates.outbox';
import { UnlockRulesCache } from '../unlocks/unlock-rules.cache';
import { type Correction, correctionUpdatesOf } from './correction-updates.util';
import { type Drift, type Holdings, driftSummaryOf, holdingsDriftOf } from './holdings-drift.util';

export const MISMATCH_ALERT = 'unlock_eligibility_mismatch';

export type ReconciliationTrigger = 'api' | 'schedule';

/** What comparing one wallet with the chain found and did. */
export interface ReconciliationReport {
  readonly wallet: string;
  readonly chainId: number;
  /** The block both sides were compared at: the last one the projection applied. */
  readonly blockNumber: string | null;
  readonly drift: readonly Drift[];
  readonly corrected: boolean;
  /** Why nothing was compared, when so. */
  readonly skipped?: string;
  readonly achievements: number;
}

interface Cursor {
  block_number: string;
  block_hash: string;
}

const ATTEMPTS = 3;

/**
 * Compares a wallet's projected holdings with the chain (`balanceOf`, `ownerOf` through viem) at
 * the last block the projection applied, so events still in flight do not count as drift. What
 * differs is corrected in one transaction with an `unlock_eligibility_mismatch` alert and a
 * `profile.updated.v1` per wallet the correction moved in the outbox, and the wallet is
 * re-evaluated against every unlock.
 */
@Injectable()
export class ReconciliationService {
  private readonly logger = new Logger(ReconciliationService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CHAIN_CONTRACTS) private readonly contracts: ChainContracts,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly store: ProjectionStore,
    private readonly loader: WalletStateLoader,
    private readonly recorder: AchievementRecorder,
    private readonly rules: UnlockRulesCache,
    private readonly outbox: OutboxService,
    private readonly metrics: EngineMetrics,
    private readonly profileUpdates: ProfileUpdatesOutbox,
    @Optional() @Inject(EVM_CHAIN_CLIENT) private readonly chain?: EvmChainClient,
  ) {}

  async reconcile(wallet: string, trigger: ReconciliationTrigger): Promise<ReconciliationReport> {
    const chain = this.chain;
    if (chain === undefined) {
      throw new EngineRequestError('reconciliation-unavailable', 'EVM_RPC_URL is not configured');
    }
    const { chainId } = this.contracts;
    for (let attempt = 1; ; attempt++) {
      const cursor = await this.cursorOf(this.dataSource.manager);
      if (cursor === undefined)
        return this.report(trigger, { wallet, chainId, blockNumber: null, skipped: 'no block applied yet' });
      const blockNumber = BigInt(cursor.block_number);
      if ((await chain.blockHash(blockNumber)) !== cursor.block_hash.toLowerCase()) {
        return this.report(trigger, {
          wallet,
          chainId,
          blockNumber: cursor.block_number,
          skipped: `block ${cursor.block_number} the projection applied is no longer canonical (reorg not applied yet)`,
        });
      }
      const projected = await this.projectedHoldings(this.dataSource.manager, wallet);
      const onChain = await this.chainHoldings(chain, wallet, blockNumber, projected.nftIds);
      const drift = holdingsDriftOf(TOKEN_SYMBOLS, projected, onChain.holdings);
      const outcome = await this.dataSource.transaction(async (manager) => {
        await this.store.lockChain(manager, chainId);
        const now = await this.cursorOf(manager);
        if (now?.block_number !== cursor.block_number || now.block_hash !== cursor.block_hash)
          return 'moved' as const;
        // Compared outside the lock: the wallet's rows must still be what was compared.
        const again = await this.projectedHoldings(manager, wallet);
        if (holdingsDriftOf(TOKEN_SYMBOLS, projected, again).length > 0) return 'moved' as const;
        const achievements =
          drift.length > 0 ? await this.correct(manager, wallet, drift, onChain.owners, blockNumber) : 0;
        await manager.query(
          `INSERT INTO wallet_reconciliations (wallet, reconciled_at, block_number, drift_count) VALUES ($1, $2, $3, $4)
           ON CONFLICT (wallet) DO UPDATE SET reconciled_at = EXCLUDED.reconciled_at,
             block_number = EXCLUDED.block_number, drift_count = EXCLUDED.drift_count`,
          [wallet, this.clock().toISOString(), cursor.block_number, drift.length],
        );
        return { achievements };
      });
      if (outcome !== 'moved') {
        for (const d of drift) this.metrics.drifts.inc({ kind: d.kind });
        if (drift.length > 0)
          this.logger.warn({
            msg: 'holdings drift corrected',
            wallet,
            blockNumber: cursor.block_number,
            drift,
          });
        return this.report(trigger, {
          wallet,
          chainId,
          blockNumber: cursor.block_number,
          drift,
          corrected: drift.length > 0,
          achievements: outcome.achievements,
        });
      }
      if (attempt >= ATTEMPTS) {
        return this.report(trigger, {
          wallet,
          chainId,
          blockNumber: cursor.block_number,
          skipped: 'the projection kept moving',
        });
      }
    }
  }

  private report(
    trigger: ReconciliationTrigger,
    report: Partial<ReconciliationReport> & Pick<ReconciliationReport, 'wallet' | 'chainId' | 'blockNumber'>,
  ): ReconciliationReport {
    const full = { drift: [], corrected: false, achievements: 0, ...report };
    const outcome = full.skipped ? 'skipped' : full.corrected ? 'corrected' : 'consistent';
    this.metrics.reconciliations.inc({ trigger, outcome });
    return full;
  }

  private async cursorOf(manager: EntityManager): Promise<Cursor | undefined> {
    const [row] = (await manager.query(
      'SELECT block_number, block_hash FROM chain_cursors WHERE chain_id = $1',
      [this.contracts.chainId],
    )) as Cursor[];
    return row;
  }

  private async projectedHoldings(manager: EntityManager, wallet: string): Promise<Holdings> {
    const balances = (await manager.query(
      'SELECT token, amount::text AS amount FROM wallet_balances WHERE wallet = $1',
      [wallet],
    )) as Array<{ token: string; amount: string }>;
    const nfts = (await manager.query(
      'SELECT token_id FROM nft_ownership WHERE owner = $1 AND collection = $2 ORDER BY token_id',
      [wallet, COVENANT_COLLECTION],
    )) as Array<{ token_id: string }>;
    return {
      balances: Object.fromEntries(balances.map((b) => [b.token, BigInt(b.amount)])),
      nftIds: nfts.map((n) => n.token_id),
    };
  }

  /** Balances of every configured token, and the NFT ids held — scanning every minted id only when counts differ. */
  private async chainHoldings(
    chain: EvmChainClient,
    wallet: string,
    blockNumber: bigint,
    projectedIds: readonly string[],
  ): Promise<{ holdings: Holdings; owners: Map<string, string | undefined> }> {
    const balances: Record<string, bigint> = {};
    for (const symbol of TOKEN_SYMBOLS) {
      const address = addressOfToken(this.contracts, symbol);
      if (address !== undefined) balances[symbol] = await chain.tokenBalance(address, wallet, blockNumber);
    }
    const owners = new Map<string, string | undefined>();
    const covenant = this.contracts.covenant;
    if (covenant === undefined) return { holdings: { balances, nftIds: [...projectedIds] }, owners };
    const count = await chain.nftBalance(covenant, wallet, blockNumber);
    for (const id of projectedIds) owners.set(id, await chain.ownerOf(covenant, BigInt(id), blockNumber));
    const agree =
      count === BigInt(projectedIds.length) && projectedIds.every((id) => owners.get(id) === wallet);
    if (!agree) {
      const minted = await chain.totalMinted(covenant, blockNumber);
      for (let id = 1n; id <= minted; id++) {
        if (!owners.has(id.toString()))
          owners.set(id.toString(), await chain.ownerOf(covenant, id, blockNumber));
      }
    }
    const nftIds = [...owners.entries()].filter(([, owner]) => owner === wallet).map(([id]) => id);
    return { holdings: { balances, nftIds }, owners };
  }

  private async correct(
    manager: EntityManager,
    wallet: string,
    drift: readonly Drift[],
    owners: ReadonlyMap<string, string | undefined>,
    blockNumber: bigint,
  ): Promise<number> {
    const corrections: Correction[] = [];
    for (const d of drift) {
      if (d.kind === 'balance') {
        corrections.push({ kind: 'balance', wallet });
        // The confirmed amount moves by the same difference: the drift happened in blocks long confirmed.
        await manager.query(
          `INSERT INTO wallet_balances (wallet, token, amount, confirmed_amount) VALUES ($1, $2, $3, $3)
           ON CONFLICT (wallet, token) DO UPDATE SET
             confirmed_amount = wallet_balances.confirmed_amount + (EXCLUDED.amount - wallet_balances.amount),
             amount = EXCLUDED.amount`,
          [wallet, d.token, d.onChain],
        );
      } else {
        const owner = owners.get(d.tokenId) ?? null;
        const [previous] = (await manager.query(
          'SELECT owner FROM nft_ownership WHERE collection = $1 AND token_id = $2',
          [COVENANT_COLLECTION, d.tokenId],
        )) as Array<{ owner: string | null }>;
        corrections.push({ kind: 'nft', from: previous?.owner ?? null, to: owner });
        await manager.query(
          `INSERT INTO nft_ownership (collection, token_id, owner, confirmed_owner) VALUES ($1, $2, $3, $3)
           ON CONFLICT (collection, token_id) DO UPDATE SET owner = EXCLUDED.owner, confirmed_owner = EXCLUDED.owner`,
          [COVENANT_COLLECTION, d.tokenId, owner],
        );
      }
    }
    const now = this.clock();
    // In the correction's transaction: the gateway drops cached answers exactly when they changed.
    await this.profileUpdates.enqueue(manager, correctionUpdatesOf(corrections));
    await this.outbox.enqueue(
      manager,
      topics.alertsRaw,
      createEnvelope(topics.alertsRaw, {
        source: SERVICE_NAME,
        subject: wallet,
        data: {
          labels: { alertname: MISMATCH_ALERT, service: SERVICE_NAME, severity: 'warning', wallet },
          annotations: {
            summary: driftSummaryOf(wallet, drift),
            description: `Projected holdings were corrected from chain ${this.contracts.chainId} at block ${blockNumber}; eligibility was re-evaluated.`,
          },
          startsAt: now.toISOString(),
        },
      }),
    );
    const states = await this.loader.load(manager, [wallet], now);
    const state = states.get(wallet)!;
    const active = this.rules.active();
    const met = newAchievementsOf(active, state, { unlockIds: new Set(active.map((rule) => rule.id)) });
    return this.recorder.record(
      manager,
      met.map(({ rule, provisional }) => ({
        wallet,
        unlockId: rule.id,
        unlockVersion: rule.version,
        provisional,
        achievedAt: now,
        chainId: this.contracts.chainId,
        decidingBlockNumber: blockNumber,
      })),
    );
  }
}
