// `nx run messaging:bench`: throughput of the backbone on real Kafka and PostgreSQL — the idempotent
// producer, a consumer applying each event once (idempotency row + effect in one transaction), and
// the outbox relay. Uses KAFKA_BROKERS / DATABASE_URL when set, otherwise starts a local stack.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack } from '@convergence/dev-stack';
import { createEnvelope } from '@convergence/schemas';
import { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { TopicConsumer } from '../src/consumer/topic-consumer';
import { IdempotencyService } from '../src/idempotency/idempotency.service';
import { createKafkaClient, ensureTopics } from '../src/kafka-client';
import { MessagingMetrics } from '../src/messaging.metrics';
import { DEFAULT_OUTBOX_BATCH_SIZE, OutboxRelay } from '../src/outbox/outbox-relay';
import { OutboxService } from '../src/outbox/outbox.service';
import { OutboxStore } from '../src/outbox/outbox.store';
import { EventProducer } from '../src/producer/event-producer';
import { openMessagingDataSource } from '../src/testing/messaging-data-source';
import { eventually } from '../src/testing/read-topic';
import { testTopic } from '../src/testing/test-topic';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 5_000);
const RELAY_BATCH = Number(process.env['BENCH_RELAY_BATCH'] ?? DEFAULT_OUTBOX_BATCH_SIZE);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rate = (n: number, ms: number) => Math.round((n / ms) * 1_000);

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'convergence-bench-'));
  const stack = await startStack({ rootDir: dir, withHardhat: false });
  const kafka = createKafkaClient({
    serviceName: 'bench',
    brokers: stack.kafkaBrokers,
    topicPartitions: 1,
    replicationFactor: 1,
  });
  const metrics = new MessagingMetrics(new Registry());
  const producer = new EventProducer(kafka, metrics);
  const dataSource = await openMessagingDataSource(
    stack.databaseUrl,
    `bench_${randomBytes(3).toString('hex')}`,
  );
  const results: Record<string, number[]> = { produce: [], consume: [], relay: [] };
  try {
    for (let run = 0; run < RUNS; run++) {
      const topic = testTopic('bench');
      await ensureTopics(kafka, [topic.name, `${topic.name}.dlq`], { partitions: 1, replicationFactor: 1 });
      const envelopes = Array.from({ length: EVENTS }, (_, i) =>
        createEnvelope(topic, { source: 'bench', data: { itemId: `item-${i % 100}`, count: i } }),
      );

      let started = Date.now();
      await producer.publish(topic, envelopes);
      results['produce']!.push(rate(EVENTS, Date.now() - started));

      started = Date.now();
      results['consume']!.push(
        rate(EVENTS, await consumeAll(kafka, producer, metrics, dataSource, topic, started)),
      );

      results['relay']!.push(await relayAll(kafka, metrics, dataSource, topic));
    }
  } finally {
    await producer.disconnect();
    await dataSource.destroy();
    await stack.stop();
    await rm(dir, { recursive: true, force: true });
  }
  const line = (what: string, unit: string) =>
    `${what.padEnd(44)} median ${String(median(results[unit]!)).padStart(6)} /s   runs: ${results[unit]!.join(', ')}`;
  process.stdout.write(
    [
      `backbone bench: ${EVENTS} events per run, ${RUNS} runs, 1 partition, Node ${process.version}`,
      line('idempotent producer, acks=all (events)', 'produce'),
      line('consumer, idempotency row + effect per event', 'consume'),
      line(`outbox relay, Kafka transaction per ${RELAY_BATCH} rows`, 'relay'),
    ].join('\n') + '\n',
  );
}

/** Consumes the topic from the start, applying each event once; returns ms until all were applied. */
async function consumeAll(
  kafka: ReturnType<typeof createKafkaClient>,
  producer: EventProducer,
  metrics: MessagingMetrics,
  dataSource: DataSource,
  topic: ReturnType<typeof testTopic>,
  started: number,
): Promise<number> {
  const idempotency = new IdempotencyService(dataSource);
  let applied = 0;
  let finishedAt = 0;
  const group = `${topic.name}.bench`;
  const consumer = new TopicConsumer(
    {
      groupId: group,
      topic,
      handle: async (envelope) => {
        await idempotency.runOnce(group, envelope, (manager) =>
          manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [envelope.data.itemId]),
        );
        if (++applied === EVENTS) finishedAt = Date.now();
      },
    },
    { kafka, producer, metrics },
  );
  await consumer.start();
  await eventually(async () => (finishedAt ? true : undefined), 300_000, 'all events consumed');
  await consumer.stop();
  return finishedAt - started;
}

/** Writes EVENTS outbox rows (100 per transaction), then times the relay until all are published. */
async function relayAll(
  kafka: ReturnType<typeof createKafkaClient>,
  metrics: MessagingMetrics,
  dataSource: DataSource,
  topic: ReturnType<typeof testTopic>,
): Promise<number> {
  const outbox = new OutboxService();
  for (let i = 0; i < EVENTS; i += 100) {
    const batch = Array.from({ length: Math.min(100, EVENTS - i) }, (_, j) =>
      createEnvelope(topic, { source: 'bench', data: { itemId: `outbox-${i + j}`, count: i + j } }),
    );
    await dataSource.transaction((manager) => outbox.enqueue(manager, topic, batch));
  }
  const store = new OutboxStore(dataSource);
  const relay = new OutboxRelay(kafka, store, metrics, {
    serviceName: `bench-${randomBytes(3).toString('hex')}`,
    pollIntervalMs: 20,
    batchSize: RELAY_BATCH,
    replicationFactor: 1,
  });
  const started = Date.now();
  relay.start();
  await eventually(
    async () => ((await store.countPending()) === 0 ? true : undefined),
    300_000,
    'outbox drained',
  );
  const ms = Date.now() - started;
  await relay.stop();
  return rate(EVENTS, ms);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
