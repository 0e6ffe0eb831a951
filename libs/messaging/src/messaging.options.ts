import type { SASLOptions } from 'kafkajs';

export interface MessagingOptions {
  /** Kafka client id and the `source` of envelopes this service emits, e.g. `unlock-engine`. */
  serviceName: string;
  brokers: string[];
  ssl?: boolean;
  sasl?: SASLOptions;
  /** Prepended to every consumer group id, to keep environments sharing a cluster apart. */
  consumerGroupPrefix?: string;
  /** How long a silent consumer keeps its partitions before the group moves them (Kafka's 30 s default). */
  consumerSessionTimeoutMs?: number;
  /** Partitions and replication for topics this service creates when they are missing. */
  topicPartitions: number;
  replicationFactor: number;
  /** Run the outbox relay in this process (a Postgres advisory lock keeps it to one replica). */
  outboxRelay?: { enabled: boolean; pollIntervalMs?: number; batchSize?: number };
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const KAFKA = Symbol('KAFKA');
