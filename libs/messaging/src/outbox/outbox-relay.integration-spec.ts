import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { createWorkerDatabase } from '@convergence/dev-stack';
import { createEnvelope } from '@convergence/schemas';
import { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { createKafkaClient, ensureTopics } from '../kafka-client';
import { MessagingMetrics } from '../messaging.metrics';
import { EventProducer } from '../producer/event-producer';
import { eventually, readTopicUntil } from '../testing/read-topic';
import { openMessagingDataSource } from '../testing/messaging-data-source';
import { testTopic } from '../testing/test-topic';
import { CRASH_EXIT_CODE } from './outbox-crash.fixture';
import { OutboxMessageEntity } from './outbox-message.entity';
import { OutboxRelay } from './outbox-relay';
import { OutboxService } from './outbox.service';
import { OutboxStore } from './outbox.store';

const brokers = process.env['KAFKA_BROKERS'] ?? '';
const kafka = createKafkaClient({
  serviceName: 'outbox-test',
  brokers: brokers.split(','),
  topicPartitions: 1,
  replicationFactor: 1,
});
const workspaceRoot = resolve(__dirname, '../../../..');

describe(OutboxRelay.name, () => {
  const schema = `outbox_${randomBytes(3).toString('hex')}`;
  const outbox = new OutboxService();
  const metrics = new MessagingMetrics(new Registry());
  let url: string;
  let dataSource: DataSource;
  let relay: OutboxRelay | undefined;

  beforeAll(async () => {
    url = await createWorkerDatabase();
    dataSource = await openMessagingDataSource(url, schema);
  });
  afterEach(async () => {
    await relay?.stop();
    relay = undefined;
  });
  afterAll(async () => {
    await dataSource.destroy();
  });

  const startRelay = (serviceName: string, pollIntervalMs = 50) => {
    relay = new OutboxRelay(kafka, new OutboxStore(dataSource), metrics, {
      serviceName,
      pollIntervalMs,
      batchSize: 100,
      replicationFactor: 1,
    });
    relay.start();
  };
  const rowOf = (id: string) =>
    dataSource
      .getRepository(OutboxMessageEntity)
      .createQueryBuilder('o')
      .where(`o.envelope->>'id' = :id`, { id })
      .getOne();
  const published = (id: string) =>
    eventually(
      async () => {
        const row = await rowOf(id);
        return row?.publishedAt ? row : undefined;
      },
      30_000,
      `outbox row ${id} published`,
    );
  /** Every copy of `id` on the topic, read up to a sentinel written after the relay finished. */
  const copiesOnTopic = async (topic: ReturnType<typeof testTopic>, id: string, key: string) => {
    const producer = new EventProducer(kafka, metrics);
    const sentinel = createEnvelope(topic, {
      id: `sentinel-${id}`,
      source: 'test',
      data: { itemId: key, count: 0 },
    });
    await producer.publish(topic, sentinel);
    await producer.disconnect();
    const seen = await readTopicUntil(kafka, topic.name, (m) =>
      m.some((x) => x.message.value?.toString().includes(sentinel.id)),
    );
    return seen.filter((x) => (JSON.parse(x.message.value!.toString()) as { id: string }).id === id).length;
  };

  it('publishes a committed row once and never a rolled-back one', async () => {
    const topic = testTopic();
    await ensureTopics(kafka, [topic.name], { partitions: 1, replicationFactor: 1 });
    const rolledBack = createEnvelope(topic, { source: 'test', data: { itemId: 'k', count: 1 } });
    const committed = createEnvelope(topic, { source: 'test', data: { itemId: 'k', count: 2 } });
    await expect(
      dataSource.transaction(async (manager) => {
        await outbox.enqueue(manager, topic, rolledBack);
        throw new Error('effect failed');
      }),
    ).rejects.toThrow('effect failed');
    await dataSource.transaction((manager) => outbox.enqueue(manager, topic, committed));

    startRelay(`outbox-test-${randomBytes(3).toString('hex')}`);
    await published(committed.id);

    expect(await copiesOnTopic(topic, committed.id, 'k')).toBe(1);
    expect(await copiesOnTopic(topic, rolledBack.id, 'k')).toBe(0);
    expect(await rowOf(rolledBack.id)).toBeNull();
  });

  it('keeps the order of a batch enqueued at once, on the table and on the topic', async () => {
    const topic = testTopic();
    await ensureTopics(kafka, [topic.name], { partitions: 1, replicationFactor: 1 });
    const batch = Array.from({ length: 300 }, (_, count) =>
      createEnvelope(topic, { source: 'test', data: { itemId: 'ordered', count } }),
    );
    await dataSource.transaction((manager) => outbox.enqueue(manager, topic, batch));
    const rows = await dataSource
      .getRepository(OutboxMessageEntity)
      .createQueryBuilder('o')
      .where('o.topic = :topic', { topic: topic.name })
      .orderBy('o.id')
      .getMany();
    expect(rows.map((r) => r.envelope['id'])).toEqual(batch.map((e) => e.id));
    expect(rows[0]!.headers).toMatchObject({ 'event-id': batch[0]!.id, 'event-type': topic.name });

    startRelay(`outbox-order-${randomBytes(3).toString('hex')}`);
    await published(batch.at(-1)!.id);
    const seen = await readTopicUntil(kafka, topic.name, (m) => m.length >= batch.length);
    expect(seen.map((x) => (JSON.parse(x.message.value!.toString()) as { id: string }).id)).toEqual(
      batch.map((e) => e.id),
    );
  });

  it('is woken by the commit of an enqueuing transaction instead of waiting for its next poll', async () => {
    const topic = testTopic();
    await ensureTopics(kafka, [topic.name], { partitions: 1, replicationFactor: 1 });
    const first = createEnvelope(topic, { source: 'test', data: { itemId: 'woken', count: 1 } });
    await dataSource.transaction((manager) => outbox.enqueue(manager, topic, first));
    // Polls a minute apart: only the notification can explain a second row going out within seconds.
    startRelay(`outbox-wake-${randomBytes(3).toString('hex')}`, 60_000);
    await published(first.id);

    const second = createEnvelope(topic, { source: 'test', data: { itemId: 'woken', count: 2 } });
    await dataSource.transaction((manager) => outbox.enqueue(manager, topic, second));
    const row = await eventually(
      async () => {
        const found = await rowOf(second.id);
        return found?.publishedAt ? found : undefined;
      },
      15_000,
      'second row published after a notification',
    );
    expect(row.publishedAt!.getTime() - row.createdAt.getTime()).toBeLessThan(15_000);
  });

  it('does not publish again when the relay crashed after sending and before marking', async () => {
    const topic = testTopic();
    await ensureTopics(kafka, [topic.name], { partitions: 1, replicationFactor: 1 });
    const serviceName = `outbox-crash-${randomBytes(3).toString('hex')}`;
    const envelope = createEnvelope(topic, { source: 'test', data: { itemId: 'k', count: 7 } });
    await dataSource.transaction((manager) => outbox.enqueue(manager, topic, envelope));

    const exitCode = await new Promise<number | null>((done, fail) => {
      const child = spawn(
        process.execPath,
        [
          '-r',
          '@swc-node/register',
          resolve(__dirname, 'outbox-crash.fixture.ts'),
          url,
          schema,
          brokers,
          serviceName,
        ],
        { cwd: workspaceRoot, stdio: ['ignore', 'inherit', 'inherit'] },
      );
      child.on('error', fail);
      child.on('exit', (code) => done(code));
    });
    expect(exitCode).toBe(CRASH_EXIT_CODE);
    const crashed = await rowOf(envelope.id);
    expect(crashed?.batchNo).not.toBeNull();
    expect(crashed?.publishedAt).toBeNull();

    startRelay(serviceName);
    await published(envelope.id);

    expect(await copiesOnTopic(topic, envelope.id, 'k')).toBe(1);
  });
});
