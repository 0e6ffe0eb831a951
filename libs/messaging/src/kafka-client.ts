import { Logger } from '@nestjs/common';
import { Kafka, logLevel, type LogEntry } from 'kafkajs';
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
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor })),
      });
    }
    return missing;
  } finally {
    await admin.disconnect();
  }
}
