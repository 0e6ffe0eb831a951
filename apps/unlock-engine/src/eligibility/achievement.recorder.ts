import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { OutboxService } from '@convergence/messaging';
import { createEnvelope, topics } from '@convergence/schemas';
import type { EntityManager } from 'typeorm';
import { SERVICE_NAME } from '../config/env';
import { EngineMetrics } from '../metrics/engine.metrics';
import { outboxEnvelopeOf } from '../outbox/outbox-envelope.util';

/** An achievement to record: who, which unlock version, and the block it rests on. */
export interface AchievementDraft {
  readonly wallet: string;
  readonly unlockId: string;
  readonly unlockVersion: number;
  readonly provisional: boolean;
  readonly achievedAt: Date;
  readonly chainId?: number;
  readonly decidingBlockNumber?: bigint;
}

/**
 * Records achievements and revocations together with their events in the outbox, in the caller's
 * transaction: the live-achievement unique index makes each recorded once, and only a row actually
 * written gets its `unlock.achieved.v1` — exactly once, whatever crashes or replays happen.
 */
@Injectable()
export class AchievementRecorder {
  constructor(
    private readonly outbox: OutboxService,
    private readonly metrics: EngineMetrics,
  ) {}

  /** Returns how many were new. */
  async record(manager: EntityManager, drafts: readonly AchievementDraft[]): Promise<number> {
    if (drafts.length === 0) return 0;
    const rows = (await manager.query(
      `INSERT INTO achievements (id, wallet, unlock_id, unlock_version, achieved_at, provisional, chain_id,
         deciding_block_number, confirmed_at)
       SELECT id, w, u, v, t, p, c, b, CASE WHEN p THEN NULL ELSE t END
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::timestamptz[], $6::bool[], $7::int[],
         $8::bigint[]) AS x(id, w, u, v, t, p, c, b)
       ON CONFLICT (wallet, unlock_id) WHERE revoked_at IS NULL DO NOTHING
       RETURNING id, wallet, unlock_id, unlock_version, achieved_at, provisional`,
      [
        drafts.map(() => randomUUID()),
        drafts.map((d) => d.wallet),
        drafts.map((d) => d.unlockId),
        drafts.map((d) => d.unlockVersion),
        drafts.map((d) => d.achievedAt.toISOString()),
        drafts.map((d) => d.provisional),
        drafts.map((d) => d.chainId ?? null),
        drafts.map((d) => d.decidingBlockNumber?.toString() ?? null),
      ],
    )) as Array<{
      id: string;
      wallet: string;
      unlock_id: string;
      unlock_version: number;
      achieved_at: Date;
      provisional: boolean;
    }>;
    if (rows.length === 0) return 0;
    // One outbox statement for the whole batch; enqueue validates each row's data (see outboxEnvelopeOf).
    const time = new Date();
    await this.outbox.enqueue(
      manager,
      topics.unlockAchieved,
      rows.map((row) =>
        outboxEnvelopeOf(
          topics.unlockAchieved,
          {
            id: row.id,
            subject: row.wallet,
            data: {
              wallet: row.wallet,
              unlockId: row.unlock_id,
              unlockVersion: row.unlock_version,
              achievedAt: new Date(row.achieved_at).toISOString(),
              provisional: row.provisional,
            },
          },
          time,
        ),
      ),
    );
    for (const row of rows) this.metrics.achievements.inc({ provisional: String(row.provisional) });
    return rows.length;
  }

  /** Revokes a wallet's live provisional achievements of these unlocks, each with `unlock.revoked.v1`. */
  async revoke(
    manager: EntityManager,
    wallet: string,
    unlockIds: readonly string[],
    reason: string,
    at: Date,
  ): Promise<number> {
    if (unlockIds.length === 0) return 0;
    const result = (await manager.query(
      `UPDATE achievements SET revoked_at = $4, revoke_reason = $3
       WHERE wallet = $1 AND unlock_id = ANY($2::text[]) AND provisional AND revoked_at IS NULL
       RETURNING id, unlock_id, unlock_version`,
      [wallet, unlockIds, reason, at.toISOString()],
    )) as [Array<{ id: string; unlock_id: string; unlock_version: number }>, number];
    const rows = result[0];
    await this.outbox.enqueue(
      manager,
      topics.unlockRevoked,
      rows.map((row) =>
        createEnvelope(topics.unlockRevoked, {
          id: `${row.id}:revoked`,
          source: SERVICE_NAME,
          subject: wallet,
          data: {
            wallet,
            unlockId: row.unlock_id,
            unlockVersion: row.unlock_version,
            revokedAt: at.toISOString(),
            reason,
          },
        }),
      ),
    );
    this.metrics.revocations.inc(rows.length);
    return rows.length;
  }

  /** Provisional achievements resting on blocks now confirmed become final. */
  async confirmUpTo(manager: EntityManager, chainId: number, blockNumber: bigint, at: Date): Promise<void> {
    await manager.query(
      `UPDATE achievements SET provisional = false, confirmed_at = $3
       WHERE chain_id = $1 AND provisional AND revoked_at IS NULL AND deciding_block_number <= $2`,
      [chainId, blockNumber.toString(), at.toISOString()],
    );
  }
}
