import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage } from 'kafkajs';
import { DeadLetterReadError } from './dead-letter-read.error';

/** A slice of one partition to read: [from, to), stopping early after `max` messages. */
export interface PartitionRange {
  partition: number;
  from: bigint;
  /** Exclusive; the high watermark taken before reading, so a topic still being written to ends. */
  to: bigint;
  max?: number;
}

export interface PartitionMessage {
  partition: number;
  message: KafkaMessage;
}

interface RangeProgress extends PartitionRange {
  /** Next offset to accept: guards against messages before `from` and re-deliveries after a restart. */
  next: bigint;
  read: number;
  done: boolean;
}

/**
 * Reads fixed offset ranges of a topic and returns their messages (by partition, then offset).
 *
 * kafkajs cannot assign partitions without a group, so this joins a throwaway group of its own
 * (one member, so it gets every partition), seeks each partition to its range, pauses the others,
 * and never commits: no group anyone else uses moves, and the broker drops the empty group later.
 * It stops when every range has been read to its end, which is known in advance, so it finishes
 * on an idle topic instead of waiting for messages that will not come.
 *
 * @example
 * await readPartitionRanges(kafka, 'unlock.achieved.v1.dlq', [{ partition: 0, from: 0n, to: 10n }], 30_000)
 */
export async function readPartitionRanges(
  kafka: Kafka,
  topic: string,
  ranges: PartitionRange[],
  timeoutMs: number,
): Promise<PartitionMessage[]> {
  const progress = new Map<number, RangeProgress>(
    ranges.map((r) => [
      r.partition,
      { ...r, next: r.from, read: 0, done: r.from >= r.to || (r.max !== undefined && r.max <= 0) },
    ]),
  );
  const messages: PartitionMessage[] = [];
  if ([...progress.values()].every((p) => p.done)) return messages;

  const consumer = kafka.consumer({
    groupId: `dead-letter-reader-${randomUUID()}`,
    allowAutoTopicCreation: false,
    // The ends are known, so long-polling for more only delays the last partition's "done".
    maxWaitTimeInMs: 250,
  });
  let finish: () => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const finished = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  // A crash or timeout can settle this while connect or run is still pending; it is awaited below.
  finished.catch(() => undefined);
  const markDone = (range: RangeProgress) => {
    if (range.done) return;
    range.done = true;
    consumer.pause([{ topic, partitions: [range.partition] }]);
    if ([...progress.values()].every((p) => p.done)) finish();
  };

  // Seeking here, as the assignment arrives and before the first fetch, makes reading start at
  // `from` rather than at the log start; after a restart it resumes where it had got to.
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    const pausing: number[] = [];
    for (const partition of payload.memberAssignment[topic] ?? []) {
      const range = progress.get(partition);
      if (range === undefined || range.done) pausing.push(partition);
      else consumer.seek({ topic, partition, offset: range.next.toString() });
    }
    if (pausing.length > 0) consumer.pause([{ topic, partitions: pausing }]);
  });
  // Emitted after every fetched batch, including batches of only transaction markers that never
  // reach eachBatch, so a range ending in a marker still ends.
  consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
    const range = progress.get(payload.partition);
    if (payload.topic === topic && range && BigInt(payload.lastOffset) + 1n >= range.to) markDone(range);
  });
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    if (!payload.restart) fail(payload.error);
  });

  const timer = setTimeout(() => {
    const behind = [...progress.values()]
      .filter((p) => !p.done)
      .map((p) => `partition ${p.partition} at ${p.next} of ${p.to}`);
    fail(
      new DeadLetterReadError(`reading ${topic} did not finish in ${timeoutMs} ms (${behind.join(', ')})`),
    );
  }, timeoutMs);
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const range = progress.get(batch.partition);
        if (range === undefined || range.done) return;
        for (const message of batch.messages) {
          const offset = BigInt(message.offset);
          if (offset < range.next) continue;
          if (offset >= range.to) break;
          messages.push({ partition: batch.partition, message });
          range.next = offset + 1n;
          range.read += 1;
          if (range.max !== undefined && range.read >= range.max) {
            markDone(range);
            break;
          }
        }
      },
    });
    await finished;
  } catch (error) {
    if (error instanceof DeadLetterReadError) throw error;
    throw new DeadLetterReadError(`could not read ${topic}`, { cause: error });
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
  }
  return messages.sort(
    (a, b) => a.partition - b.partition || compareOffsets(a.message.offset, b.message.offset),
  );
}

function compareOffsets(a: string, b: string): number {
  const diff = BigInt(a) - BigInt(b);
  return diff === 0n ? 0 : diff < 0n ? -1 : 1;
}
