// Test fixture, run as its own process: a relay whose store dies the moment Kafka has committed a
// batch and before the rows are marked — the crash the outbox must survive without re-sending.
import { Registry } from 'prom-client';
import { createKafkaClient } from '../kafka-client';
import { MessagingMetrics } from '../messaging.metrics';
import { openMessagingDataSource } from '../testing/messaging-data-source';
import { OutboxRelay } from './outbox-relay';
import { OutboxStore } from './outbox.store';

export const CRASH_EXIT_CODE = 86;

class CrashAfterSendStore extends OutboxStore {
  override async markPublishedUpTo(): Promise<number> {
    process.exit(CRASH_EXIT_CODE);
  }
}

async function main(): Promise<void> {
  const [url, schema, brokers, serviceName] = process.argv.slice(2) as [string, string, string, string];
  const dataSource = await openMessagingDataSource(url, schema);
  const kafka = createKafkaClient({
    serviceName,
    brokers: brokers.split(','),
    topicPartitions: 1,
    replicationFactor: 1,
  });
  new OutboxRelay(kafka, new CrashAfterSendStore(dataSource), new MessagingMetrics(new Registry()), {
    serviceName,
    pollIntervalMs: 50,
    batchSize: 100,
    replicationFactor: 1,
  }).start();
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
}
