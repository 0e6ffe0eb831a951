import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ConsumerHost, IdempotencyService } from '@convergence/messaging';
import { type Envelope, type TopicData, topics } from '@convergence/schemas';
import { AlertStoreService } from './alert-store.service';

export const ALERTS_RAW_CONSUMER_GROUP = 'alert-router.alerts-raw';

/** Our services' alerts from Kafka, stored once each; the envelope time orders replays. */
@Injectable()
export class AlertsRawConsumer implements OnModuleInit {
  constructor(
    private readonly host: ConsumerHost,
    private readonly idempotency: IdempotencyService,
    private readonly store: AlertStoreService,
  ) {}

  onModuleInit(): void {
    this.host.register({
      groupId: ALERTS_RAW_CONSUMER_GROUP,
      topic: topics.alertsRaw,
      handle: (e) => this.handle(e),
    });
  }

  async handle(envelope: Envelope<TopicData<typeof topics.alertsRaw>>): Promise<void> {
    const { labels, annotations, startsAt, endsAt, generatorURL } = envelope.data;
    await this.idempotency.runOnce(ALERTS_RAW_CONSUMER_GROUP, envelope, (manager) =>
      this.store.ingest(
        [
          {
            labels,
            annotations,
            startsAt: new Date(startsAt),
            ...(endsAt ? { endsAt: new Date(endsAt) } : {}),
            ...(generatorURL ? { generatorURL } : {}),
            updatedAt: new Date(envelope.time),
          },
        ],
        'kafka',
        manager,
      ),
    );
  }
}
