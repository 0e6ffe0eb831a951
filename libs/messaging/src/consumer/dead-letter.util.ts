import type { IHeaders, KafkaMessage, Message } from 'kafkajs';

/** Headers a dead letter carries besides the original message's own. */
export const DLQ_HEADERS = {
  error: 'x-dlq-error',
  errorName: 'x-dlq-error-name',
  originalTopic: 'x-dlq-original-topic',
  originalPartition: 'x-dlq-original-partition',
  originalOffset: 'x-dlq-original-offset',
  consumerGroup: 'x-dlq-consumer-group',
  failedAt: 'x-dlq-failed-at',
} as const;

export interface DeadLetterSource {
  topic: string;
  partition: number;
  group: string;
  message: KafkaMessage;
}

/**
 * The message to write to `<topic>.dlq`: the original key, value and headers untouched, plus
 * where it came from and why it failed, so it can be inspected and replayed as it was.
 *
 * @example
 * buildDeadLetter({ topic, partition, group, message }, new Error('bad'), new Date())
 */
export function buildDeadLetter(source: DeadLetterSource, error: unknown, now: Date): Message {
  const err = error instanceof Error ? error : new Error(String(error));
  const headers: IHeaders = {
    ...source.message.headers,
    [DLQ_HEADERS.error]: err.message.slice(0, 8_000),
    [DLQ_HEADERS.errorName]: err.name,
    [DLQ_HEADERS.originalTopic]: source.topic,
    [DLQ_HEADERS.originalPartition]: String(source.partition),
    [DLQ_HEADERS.originalOffset]: source.message.offset,
    [DLQ_HEADERS.consumerGroup]: source.group,
    [DLQ_HEADERS.failedAt]: now.toISOString(),
  };
  return { key: source.message.key, value: source.message.value, headers };
}

/** Reads a header as text whether kafkajs gives a Buffer, a string or an array of them. */
export function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}
