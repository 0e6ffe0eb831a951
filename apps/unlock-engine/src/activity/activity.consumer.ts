import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ConsumerHost, IdempotencyService } from '@convergence/messaging';
import { type Envelope, type TopicData, topics } from '@convergence/schemas';
import { METRICS_REGISTRY } from '@convergence/telemetry';
import { Counter, type Registry } from 'prom-client';
import { ActivityService } from './activity.service';

export const ACTIVITY_CONSUMER_GROUP = 'unlock-engine.activity';

/** Applies each chain log to wallet activity exactly once, however often Kafka delivers it. */
@Injectable()
export class ActivityConsumer implements OnModuleInit {
  private readonly duplicates: Counter<'topic'>;

  constructor(
    private readonly host: ConsumerHost,
    private readonly idempotency: IdempotencyService,
    private readonly activity: ActivityService,
    @Inject(METRICS_REGISTRY) registry: Registry,
  ) {
    this.duplicates = new Counter({
      name: 'unlock_engine_duplicate_events_skipped_total',
      help: 'Events delivered again after their effect was already applied.',
      labelNames: ['topic'],
      registers: [registry],
    });
  }

  onModuleInit(): void {
    this.host.register({
      groupId: ACTIVITY_CONSUMER_GROUP,
      topic: topics.chainEvmLog,
      handle: (envelope) => this.handle(envelope),
    });
  }

  async handle(envelope: Envelope<TopicData<typeof topics.chainEvmLog>>): Promise<void> {
    const applied = await this.idempotency.runOnce(ACTIVITY_CONSUMER_GROUP, envelope, (manager) =>
      this.activity.apply(manager, envelope.data),
    );
    if (!applied) this.duplicates.inc({ topic: topics.chainEvmLog.name });
  }
}
