import { Inject, Injectable } from '@nestjs/common';
import { OutboxService } from '@convergence/messaging';
import { topics } from '@convergence/schemas';
import type { EntityManager } from 'typeorm';
import { ENGINE_ENV, type UnlockEngineEnv } from '../config/env';
import { outboxEnvelopeOf } from '../outbox/outbox-envelope.util';
import type { ProfileUpdate } from '../projection/profile-updates.util';

/**
 * Announces changed profiles with `profile.updated.v1` through the outbox, in the transaction that
 * changed them (so the gateway drops cached answers exactly when they went stale). Off with
 * UNLOCK_PROFILE_UPDATES_ENABLED=false.
 */
@Injectable()
export class ProfileUpdatesOutbox {
  constructor(
    @Inject(ENGINE_ENV) private readonly env: UnlockEngineEnv,
    private readonly outbox: OutboxService,
  ) {}

  async enqueue(manager: EntityManager, updates: readonly ProfileUpdate[]): Promise<void> {
    if (!this.env.UNLOCK_PROFILE_UPDATES_ENABLED) return;
    if (updates.length === 0) return;
    // One outbox statement per batch, however many wallets it changed; enqueue validates each row.
    const time = new Date();
    await this.outbox.enqueue(
      manager,
      topics.profileUpdated,
      updates.map(({ wallet, fields, confirmed }) =>
        outboxEnvelopeOf(
          topics.profileUpdated,
          { subject: wallet, data: { wallet, fields, confirmed } },
          time,
        ),
      ),
    );
  }
}
