import { type DynamicModule, Module } from '@nestjs/common';
import { DeliveryActivity } from './delivery-activity';
import { EmailReceiver } from './email.receiver';
import { PagerDutyReceiver } from './pagerduty.receiver';
import {
  RECEIVER_DELIVERY_OPTIONS,
  type ReceiverDeliveryOptionsInput,
  receiverDeliveryOptionsOf,
} from './receiver-delivery.options';
import { ReceiverDelivery } from './receiver-delivery.service';
import { ReceiverMetrics } from './receiver.metrics';
import { SlackReceiver } from './slack.receiver';
import { WebhookReceiver } from './webhook.receiver';

/**
 * Slack, PagerDuty, email and webhook delivery behind one `ReceiverDelivery`. Needs METRICS_REGISTRY
 * (ServiceKitModule's global MetricsModule).
 *
 * @example
 * imports: [ReceiversModule.forRoot({ retry: retryPolicyFromEnv(env) })]
 */
@Module({})
export class ReceiversModule {
  static forRoot(options: ReceiverDeliveryOptionsInput = {}): DynamicModule {
    return {
      module: ReceiversModule,
      providers: [
        { provide: RECEIVER_DELIVERY_OPTIONS, useValue: receiverDeliveryOptionsOf(options) },
        ReceiverMetrics,
        SlackReceiver,
        PagerDutyReceiver,
        EmailReceiver,
        WebhookReceiver,
        DeliveryActivity,
        ReceiverDelivery,
      ],
      exports: [ReceiverDelivery, DeliveryActivity],
    };
  }
}
