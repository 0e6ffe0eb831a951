import type { IHeaders, KafkaMessage, Message } from 'kafkajs';
import { DLQ_HEADERS, headerText } from '../consumer/dead-letter.util';
import type { DeadLetter } from './dead-letter.types';

/** Every header the dead-letter machinery adds starts with this; the original message's never do. */
export const DEAD_LETTER_HEADER_PREFIX = 'x-dlq-';

/** Headers a replayed message carries, so its consumer (and a later DLQ reader) can tell it was replayed. */
export const REPLAY_HEADERS = {
  replayedFrom: 'x-dlq-replayed-from',
  replayedAt: 'x-dlq-replayed-at',
} as const;

/**
 * The original message's headers: everything but `x-dlq-*`, values untouched. Also drops the
 * replay markers of an earlier replay, so a letter replayed twice carries only the latest ones.
 *
 * @example
 * stripDeadLetterHeaders({ traceparent: '00-…', 'x-dlq-error': 'bad' }) // { traceparent: '00-…' }
 */
export function stripDeadLetterHeaders(headers: IHeaders | undefined): IHeaders {
  const kept: IHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined && !name.toLowerCase().startsWith(DEAD_LETTER_HEADER_PREFIX)) kept[name] = value;
  }
  return kept;
}

/** `<dlq>:<partition>:<offset>`: how errors and the replay header name one dead letter. */
export function deadLetterPosition(dlq: string, partition: number, offset: string): string {
  return `${dlq}:${partition}:${offset}`;
}

/**
 * Decodes a message read from `<topic>.dlq` for inspection.
 *
 * @example
 * toDeadLetter('unlock.achieved.v1', 0, message).error // 'unlock rule refers to a missing token'
 */
export function toDeadLetter(topic: string, partition: number, message: KafkaMessage): DeadLetter {
  const headers = message.headers ?? {};
  const value = message.value === null ? null : message.value.toString('utf8');
  const envelope = envelopeIdentity(value);
  const eventId = headerText(headers, 'event-id') ?? envelope.id;
  const eventType = headerText(headers, 'event-type') ?? envelope.type;
  const replayedFrom = headerText(headers, REPLAY_HEADERS.replayedFrom);
  const originalPartition = headerText(headers, DLQ_HEADERS.originalPartition);
  return {
    partition,
    offset: message.offset,
    key: message.key === null ? null : message.key.toString('utf8'),
    error: headerText(headers, DLQ_HEADERS.error) ?? null,
    errorName: headerText(headers, DLQ_HEADERS.errorName) ?? null,
    originalTopic: headerText(headers, DLQ_HEADERS.originalTopic) ?? topic,
    originalPartition: originalPartition === undefined ? null : Number(originalPartition),
    originalOffset: headerText(headers, DLQ_HEADERS.originalOffset) ?? null,
    consumerGroup: headerText(headers, DLQ_HEADERS.consumerGroup) ?? null,
    failedAt: headerText(headers, DLQ_HEADERS.failedAt) ?? null,
    ...(eventId === undefined ? {} : { eventId }),
    ...(eventType === undefined ? {} : { eventType }),
    ...(replayedFrom === undefined ? {} : { replayedFrom }),
    value,
    headers: headersAsText(stripDeadLetterHeaders(headers)),
  };
}

/**
 * The message to put back on the original topic: the original key, value and headers byte for
 * byte (so `traceparent` continues the original trace), plus where and when it was replayed from.
 * No explicit partition: the key picks it, as it does for new events of the same aggregate.
 *
 * @example
 * toReplayMessage('unlock.achieved.v1.dlq', 0, message, new Date())
 */
export function toReplayMessage(dlq: string, partition: number, message: KafkaMessage, now: Date): Message {
  return {
    key: message.key,
    value: message.value,
    headers: {
      ...stripDeadLetterHeaders(message.headers),
      [REPLAY_HEADERS.replayedFrom]: deadLetterPosition(dlq, partition, message.offset),
      [REPLAY_HEADERS.replayedAt]: now.toISOString(),
    },
  };
}

function headersAsText(headers: IHeaders): Record<string, string | string[]> {
  const text: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    text[name] = Array.isArray(value) ? value.map((v) => v.toString()) : value.toString();
  }
  return text;
}

// Letters whose value never was an envelope (the reason some were dead-lettered) simply have no identity.
function envelopeIdentity(value: string | null): { id?: string; type?: string } {
  if (value === null) return {};
  try {
    const json: unknown = JSON.parse(value);
    if (typeof json !== 'object' || json === null) return {};
    const { id, type } = json as { id?: unknown; type?: unknown };
    return {
      ...(typeof id === 'string' ? { id } : {}),
      ...(typeof type === 'string' ? { type } : {}),
    };
  } catch {
    return {};
  }
}
