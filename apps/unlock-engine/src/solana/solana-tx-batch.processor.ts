import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Envelope } from '@convergence/schemas';
import type { DataSource } from 'typeorm';
import { ENGINE_ENV, type UnlockEngineEnv } from '../config/env';
import { EngineMetrics } from '../metrics/engine.metrics';
import { type SolanaEventRow, SolanaHoldingsStore } from './solana-holdings.store';
import {
  type SolanaHoldingsScope,
  type SolanaTx,
  type SplEffectApplication,
  solanaBalanceDeltaOf,
  splTransferEffectsOf,
} from './spl-transfer-effects.util';

/** What one batch of Solana events did. */
export interface SolanaBatchResult {
  readonly applied: number;
  readonly duplicates: number;
  /** Events that move no configured holdings (see `unlock_engine_solana_events_ignored_total`). */
  readonly ignored: number;
  /** Transfers applied earlier that a finalized slot of this batch now confirmed. */
  readonly confirmed: number;
}

/**
 * Applies a batch of `chain.solana.tx.v1` events to the Solana holdings in one transaction: records
 * each transfer once by event id, adds new ones to the total (and, read at `finalized`, the
 * confirmed) balances, and confirms the earlier `confirmed`-commitment transfers a finalized slot
 * covers — the EVM projection's confirmed/unconfirmed split, with slots for blocks.
 *
 * Not done here, and why: a Solana wallet is a base58 key, which `unlock.achieved.v1` and
 * `profile.updated.v1` (`wallet`: a hex address) cannot carry, so its eligibility is answered on
 * request but no achievement is recorded or announced for it (see the README).
 */
@Injectable()
export class SolanaTxBatchProcessor {
  private readonly scope: SolanaHoldingsScope;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ENGINE_ENV) env: UnlockEngineEnv,
    private readonly store: SolanaHoldingsStore,
    private readonly metrics: EngineMetrics,
  ) {
    this.scope = { cluster: env.UNLOCK_SOLANA_CLUSTER, mints: new Set(env.UNLOCK_SOLANA_MINTS) };
  }

  async apply(envelopes: ReadonlyArray<Envelope<SolanaTx>>): Promise<SolanaBatchResult> {
    const rows = new Map<string, SolanaEventRow>();
    let finalizedUpTo: bigint | undefined;
    let ignored = 0;
    for (const { id, data } of envelopes) {
      if (data.cluster !== this.scope.cluster) {
        ignored++;
        this.metrics.solanaIgnored.inc({ reason: 'cluster' });
        continue;
      }
      const slot = BigInt(data.slot);
      const finalized = data.commitment === 'finalized';
      // Whatever it moved, a finalized event says its slot (and every earlier one of its fork) is final.
      if (finalized && (finalizedUpTo === undefined || slot > finalizedUpTo)) finalizedUpTo = slot;
      const outcome = splTransferEffectsOf(data, this.scope);
      if ('skipped' in outcome) {
        ignored++;
        this.metrics.solanaIgnored.inc({ reason: outcome.skipped });
        continue;
      }
      // The same transfer twice in a batch (read at both commitments): one row, finalized if either was.
      const seen = rows.get(id);
      rows.set(id, {
        eventId: id,
        cluster: data.cluster,
        slot,
        signature: data.signature,
        confirmed: finalized || (seen?.confirmed ?? false),
        effects: outcome.effects,
      });
    }
    if (rows.size === 0 && finalizedUpTo === undefined)
      return { applied: 0, duplicates: 0, ignored, confirmed: 0 };
    return this.dataSource.transaction(async (manager) => {
      await this.store.lockCluster(manager, this.scope.cluster);
      const all = [...rows.values()];
      const fresh = await this.store.insertNewEvents(manager, all);
      const applications: SplEffectApplication[] = all
        .filter((row) => fresh.has(row.eventId))
        .map((row) => ({ effects: row.effects, total: true, confirmed: row.confirmed }));
      let confirmed = 0;
      if (finalizedUpTo !== undefined) {
        // Runs after the insert, so this batch's own unfinalized transfers up to the slot count too.
        const covered = await this.store.confirmUpTo(manager, this.scope.cluster, finalizedUpTo);
        confirmed = covered.length;
        for (const effects of covered) applications.push({ effects, total: false, confirmed: true });
      }
      await this.store.applyDelta(manager, solanaBalanceDeltaOf(applications));
      return { applied: fresh.size, duplicates: all.length - fresh.size, ignored, confirmed };
    });
  }
}
