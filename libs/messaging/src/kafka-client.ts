import { Logger } from '@nestjs/common';
import { type Admin, Kafka, logLevel, type LogEntry } from 'kafkajs';
import type { MessagingOptions } from './messaging.options';

const logger = new Logger('kafkajs');

/** kafkajs' own log lines, as objects through the service logger. */
function kafkaLogCreator() {
  return ({ level, log }: LogEntry) => {
    const { message, ...extra } = log;
    const entry = { msg: message, ...extra };
    if (level === logLevel.ERROR) logger.error(entry);
    else if (level === logLevel.WARN) logger.warn(entry);
    else logger.debug?.(entry);
  };
}

/** The service's one kafkajs client. */
export function createKafkaClient(options: MessagingOptions): Kafka {
  return new Kafka({
    clientId: options.serviceName,
    brokers: options.brokers,
    ssl: options.ssl,
    sasl: options.sasl,
    connectionTimeout: 5_000,
    retry: { initialRetryTime: 300, retries: 8 },
    logLevel: logLevel.WARN,
    logCreator: kafkaLogCreator,
  });
}

/** Creates the topics (and their dead-letter topics) that do not exist yet. */
export async function ensureTopics(
  kafka: Kafka,
  names: string[],
  { partitions, replicationFactor }: { partitions: number; replicationFactor: number },
): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(names)].filter((n) => !existing.has(n));
    if (missing.length > 0) {
      try {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor })),
        });
      } catch (error) {
        // Replicas (or other services) starting together create the same topics; losing that race is fine.
        if (!isTopicAlreadyExists(error)) throw error;
      }
      await waitForLeaders(admin, missing);
    }
    return missing;
  } finally {
    await admin.disconnect();
  }
}

function isTopicAlreadyExists(error: unknown): boolean {
  const e = error as { type?: string; errors?: { type?: string }[] };
  return (
    e.type === 'TOPIC_ALREADY_EXISTS' || (e.errors ?? []).every((x) => x.type === 'TOPIC_ALREADY_EXISTS')
  );
}

/** Waits until every partition of the topics has a leader, so the first send or subscribe finds them. */
async function waitForLeaders(admin: Admin, topics: string[], timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ready = await admin
      .fetchTopicMetadata({ topics })
      .then((m) => m.topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0)))
      .catch(() => false);
    if (ready) return;
    if (Date.now() > deadline)
      throw new Error(`topics have no leaders after ${timeoutMs} ms: ${topics.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
