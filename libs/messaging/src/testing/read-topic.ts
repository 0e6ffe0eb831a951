import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage } from 'kafkajs';

export interface ReadMessage {
  partition: number;
  message: KafkaMessage;
}

/**
 * Reads a topic from the beginning (read-committed, in a throwaway group) until `done` says the
 * messages seen so far are enough; rejects with what it saw when the timeout passes first.
 *
 * @example
 * const seen = await readTopicUntil(kafka, 'x.dlq', (msgs) => msgs.length >= 2);
 */
export async function readTopicUntil(
  kafka: Kafka,
  topic: string,
  done: (messages: ReadMessage[]) => boolean,
  timeoutMs = 30_000,
): Promise<ReadMessage[]> {
  const consumer = kafka.consumer({ groupId: `test-reader-${randomUUID()}` });
  const seen: ReadMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `read ${seen.length} messages from ${topic} in ${timeoutMs} ms without meeting the condition`,
            ),
          ),
        timeoutMs,
      );
      consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            seen.push({ partition, message });
            if (done(seen)) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
    return seen;
  } finally {
    await consumer.disconnect();
  }
}

/** Polls `probe` until it returns a value that is not undefined. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
