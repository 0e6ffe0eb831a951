// The receivers' public surface for the rest of alert-router (dispatcher, ack API, escalation).
export type {
  WebhookAlert,
  WebhookMessage,
  DeliveryContext,
  DeliveryResult,
  IntegrationKind,
} from './receiver.types';
export {
  receiverConfigSchema,
  slackConfigSchema,
  pagerDutyConfigSchema,
  emailConfigSchema,
  webhookConfigSchema,
  PAGERDUTY_EVENTS_V2_URL,
  type ReceiverConfig,
  type ReceiverConfigInput,
  type SlackConfig,
  type PagerDutyConfig,
  type EmailConfig,
  type WebhookConfig,
} from './receiver-config.schema';
export { ReceiverDelivery } from './receiver-delivery.service';
export { DeliveryActivity } from './delivery-activity';
export { ReceiversModule } from './receivers.module';
export {
  RECEIVER_DELIVERY_OPTIONS,
  receiverEnvShape,
  retryPolicyFromEnv,
  receiverDeliveryOptionsOf,
  type ReceiverEnv,
  type ReceiverDeliveryOptions,
  type ReceiverDeliveryOptionsInput,
} from './receiver-delivery.options';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.util';
export { type DeliveryTimer, systemDeliveryTimer } from './delivery-timer';
export { dedupKeyOf } from './pagerduty-event.util';
