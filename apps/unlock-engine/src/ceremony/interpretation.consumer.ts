import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ConsumerHost, IdempotencyService } from '@convergence/messaging';
import { type Envelope, type TopicData, topics } from '@convergence/schemas';
import { EngineMetrics } from '../metrics/engine.metrics';
import { InterpretationStore } from './interpretation.store';

export const INTERPRETATION_CONSUMER_GROUP = 'unlock-engine.interpretations';

/** Stores the oracle's interpretations for ceremonies, each event once. */
@Injectable()
export class InterpretationConsumer implements OnModuleInit {
  constructor(
    private readonly host: ConsumerHost,
    private readonly idempotency: IdempotencyService,
    private readonly store: InterpretationStore,
    private readonly metrics: EngineMetrics,
  ) {}

  onModuleInit(): void {
    this.host.register({
      groupId: INTERPRETATION_CONSUMER_GROUP,
      topic: topics.oracleInterpretation,
      handle: (envelope) => this.handle(envelope),
    });
  }

  async handle(envelope: Envelope<TopicData<typeof topics.oracleInterpretation>>): Promise<void> {
    const { wallet, unlockId, text, source, model } = envelope.data;
    const applied = await this.idempotency.runOnce(INTERPRETATION_CONSUMER_GROUP, envelope, (manager) =>
      this.store.save(manager, { wallet: wallet.toLowerCase(), unlockId, text, source, model }),
    );
    if (!applied) this.metrics.duplicates.inc({ topic: topics.oracleInterpretation.name });
  }
}
