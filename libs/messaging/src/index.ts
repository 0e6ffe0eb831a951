export { MessagingModule, type MessagingModuleOptions } from './messaging.module';
export { KAFKA, type MessagingOptions } from './messaging.options';
export { MessagingMetrics } from './messaging.metrics';
export { createKafkaClient, ensureTopics } from './kafka-client';
export { KafkaReadinessCheck } from './kafka-readiness.check';
export { EventProducer } from './producer/event-producer';
export { ConsumerHost } from './consumer/consumer-host';
export { TopicConsumer, type TopicConsumerDeps } from './consumer/topic-consumer';
export type { ConsumerDefinition, MessageMeta } from './consumer/consumer-definition';
export { buildDeadLetter, headerText, DLQ_HEADERS } from './consumer/dead-letter.util';
export { IdempotencyService } from './idempotency/idempotency.service';
export { ProcessedEventEntity } from './idempotency/processed-event.entity';
export { OutboxService } from './outbox/outbox.service';
export { OutboxStore, type OutboxRow } from './outbox/outbox.store';
export { OutboxRelay, OUTBOX_POSITIONS_TOPIC, type OutboxRelayOptions } from './outbox/outbox-relay';
export { OutboxMessageEntity } from './outbox/outbox-message.entity';
export { MessagingTables1763769600000 } from './migrations/1763769600000-messaging-tables';
export { RetryableError, NonRetryableError, isRetryableError, backoffDelayMs } from './retryable-error';
/** Entities every service using the backbone must register with TypeORM. */
export { messagingEntities } from './messaging.entities';
export { DeadLetterService, type DeadLetterServiceOptions } from './dead-letter/dead-letter.service';
export type {
  DeadLetter,
  InspectOptions,
  ReplaySelection,
  ReplayResult,
} from './dead-letter/dead-letter.types';
export {
  DEAD_LETTER_HEADER_PREFIX,
  REPLAY_HEADERS,
  stripDeadLetterHeaders,
  toDeadLetter,
  toReplayMessage,
} from './dead-letter/dead-letter.mapper';
export { DeadLetterNotFoundError } from './dead-letter/dead-letter-not-found.error';
export { DeadLetterReadError } from './dead-letter/dead-letter-read.error';
export { InvalidDeadLetterRequestError } from './dead-letter/invalid-dead-letter-request.error';
