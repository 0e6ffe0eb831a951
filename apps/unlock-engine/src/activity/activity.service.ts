import { Injectable } from '@nestjs/common';
import type { TopicData, chainEvmLogTopic } from '@convergence/schemas';
import type { EntityManager } from 'typeorm';
import { WalletActivityEntity } from './wallet-activity.entity';
import { walletsInvolved } from './wallets-involved.util';

type EvmLog = TopicData<typeof chainEvmLogTopic>;

/** Folds a decoded log into the per-wallet activity counts. */
@Injectable()
export class ActivityService {
  /** Runs inside the caller's transaction (the one that records the event id). */
  async apply(manager: EntityManager, log: EvmLog): Promise<number> {
    const wallets = walletsInvolved(log.args);
    for (const wallet of wallets) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(WalletActivityEntity)
        .values({
          wallet,
          eventName: log.eventName,
          count: '1',
          firstSeenAt: new Date(log.blockTime),
          lastSeenAt: new Date(log.blockTime),
          lastBlock: log.blockNumber,
        })
        .onConflict(
          `("wallet", "event_name") DO UPDATE SET
             "count" = wallet_activity."count" + 1,
             "first_seen_at" = LEAST(wallet_activity."first_seen_at", EXCLUDED."first_seen_at"),
             "last_seen_at" = GREATEST(wallet_activity."last_seen_at", EXCLUDED."last_seen_at"),
             "last_block" = GREATEST(wallet_activity."last_block", EXCLUDED."last_block")`,
        )
        .execute();
    }
    return wallets.length;
  }
}
