import { ProcessedEventEntity } from './idempotency/processed-event.entity';
import { OutboxMessageEntity } from './outbox/outbox-message.entity';

export const messagingEntities = [ProcessedEventEntity, OutboxMessageEntity];
