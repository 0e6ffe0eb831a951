import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ConsumerHost, IdempotencyService, OutboxService } from '@convergence/messaging';
import { createEnvelope, topics, type Envelope, type TopicData } from '@convergence/schemas';
import { SERVICE_NAME } from '../config/env';
import { InterpretationService } from './interpretation.service';

export const UNLOCK_ACHIEVED_CONSUMER_GROUP = 'oracle.unlock-achieved';

/**
 * unlock.achieved.v1 → oracle.interpretation.v1. The narrative is written before the transaction (a
 * Claude call must not hold a database connection); a redelivered event is answered from the cache and
 * then dropped by the idempotency record, so each unlock gets one interpretation event.
 */
@Injectable()
export class UnlockAchievedConsumer implements OnModuleInit {
  constructor(
    private readonly host: ConsumerHost,
    private readonly idempotency: IdempotencyService,
    private readonly outbox: OutboxService,
    private readonly interpretations: InterpretationService,
  ) {}

  onModuleInit(): void {
    this.host.register({
      groupId: UNLOCK_ACHIEVED_CONSUMER_GROUP,
      topic: topics.unlockAchieved,
      handle: (e) => this.handle(e),
    });
  }

  async handle(envelope: Envelope<TopicData<typeof topics.unlockAchieved>>): Promise<void> {
    const { wallet, unlockId, unlockVersion, achievedAt, provisional } = envelope.data;
    const interpretation = await this.interpretations.interpret({
      wallet,
      unlockId,
      unlockVersion,
      achievedAt,
      provisional,
    });
    const out = createEnvelope(topics.oracleInterpretation, {
      source: SERVICE_NAME,
      subject: wallet.toLowerCase(),
      data: {
        wallet,
        unlockId,
        text: interpretation.text,
        source: interpretation.source,
        ...(interpretation.model ? { model: interpretation.model } : {}),
      },
    });
    await this.idempotency.runOnce(UNLOCK_ACHIEVED_CONSUMER_GROUP, envelope, (manager) =>
      this.outbox.enqueue(manager, topics.oracleInterpretation, out),
    );
  }
}
