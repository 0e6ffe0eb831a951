/**
 * One message of a `<topic>.dlq`, decoded for an operator: where it sits, why it failed, where it
 * came from, and the original message as it was (its own headers, without the `x-dlq-*` ones).
 * Fields read from `x-dlq-*` headers are null when a letter lacks them (it was not written by
 * TopicConsumer), so a malformed letter is still shown rather than hiding the rest.
 */
export interface DeadLetter {
  /** Partition of the dead-letter topic. */
  partition: number;
  /** Offset in the dead-letter topic: what `replay` and paging refer to. */
  offset: string;
  key: string | null;
  error: string | null;
  errorName: string | null;
  /** Falls back to the topic the DLQ belongs to when the header is missing. */
  originalTopic: string;
  originalPartition: number | null;
  originalOffset: string | null;
  consumerGroup: string | null;
  /** ISO-8601 time the consumer gave up on the message. */
  failedAt: string | null;
  /** From the `event-id` header, or the envelope's `id` when the value is an envelope. */
  eventId?: string;
  /** From the `event-type` header, or the envelope's `type` when the value is an envelope. */
  eventType?: string;
  /** Set when this letter is a replay that failed again: `<dlq>:<partition>:<offset>` it was replayed from. */
  replayedFrom?: string;
  /** The original value as UTF-8 text; null for a message without a value. */
  value: string | null;
  /** The original message's headers as text (repeated headers as arrays), `x-dlq-*` removed. */
  headers: Record<string, string | string[]>;
}

export interface InspectOptions {
  /** At most this many letters in all (default 50). */
  limit?: number;
  /**
   * First offset to read, in every partition read (or in `partition` alone when given). To page,
   * pass the last offset seen + 1 together with its partition.
   */
  fromOffset?: string | number;
  /** Read only this partition of the dead-letter topic. */
  partition?: number;
}

/** Which dead letters to replay: some offsets of one partition, or everything in the DLQ now. */
export type ReplaySelection = { partition: number; offsets: string[] } | { all: true };

export interface ReplayResult {
  replayed: number;
}
