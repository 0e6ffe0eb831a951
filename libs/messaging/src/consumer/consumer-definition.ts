import type { Envelope, TopicData, TopicDefinition } from '@convergence/schemas';
import type { IHeaders } from 'kafkajs';

export interface MessageMeta {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  headers: IHeaders;
}

export interface ConsumerDefinition<T extends TopicDefinition = TopicDefinition> {
  /** Kafka consumer group; replicas of a service share it and split the partitions. */
  groupId: string;
  topic: T;
  handle(envelope: Envelope<TopicData<T>>, meta: MessageMeta): Promise<void>;
  /** Attempts for retryable errors before the consumer restarts from its last committed offset. */
  maxAttempts?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  sessionTimeoutMs?: number;
}
