import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ConsumerHost, IdempotencyService } from '@convergence/messaging';
import { type Envelope, type TopicData, topics } from '@convergence/schemas';
import { AlertIntakeService } from './alert-intake.service';
import type { StoredAlert } from '../alert-store/alert-store.service';

export const ALERTS_RAW_CONSUMER_GROUP = 'alert-router.alerts-raw';

/** Our services' alerts from Kafka, stored once each; the envelope time orders replays. */
@Injectable()
export class AlertsRawConsumer implements OnModuleInit {
  constructor(
    private readonly host: ConsumerHost,
    private readonly idempotency: IdempotencyService,
    private readonly intake: AlertIntakeService,
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
    let stored: StoredAlert[] = [];
    await this.idempotency.runOnce(ALERTS_RAW_CONSUMER_GROUP, envelope, async (manager) => {
      stored = await this.intake.ingestWithin(
        manager,
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
      );
    });
    this.intake.dispatch(stored);
  }
}
