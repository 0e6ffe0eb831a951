import { Inject, Injectable } from '@nestjs/common';
import { OutboxService } from '@convergence/messaging';
import { createEnvelope, topics } from '@convergence/schemas';
import type { EntityManager } from 'typeorm';
import { ENGINE_ENV, SERVICE_NAME, type UnlockEngineEnv } from '../config/env';
import { OUTBOX_CHUNK } from '../eligibility/achievement.recorder';
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
    for (let start = 0; start < updates.length; start += OUTBOX_CHUNK) {
      await this.outbox.enqueue(
        manager,
        topics.profileUpdated,
        updates.slice(start, start + OUTBOX_CHUNK).map(({ wallet, fields, confirmed }) =>
          createEnvelope(topics.profileUpdated, {
            source: SERVICE_NAME,
            subject: wallet,
            data: { wallet, fields, confirmed },
          }),
        ),
      );
    }
  }
}
