import { createEnvelope, SchemaValidationError } from '@convergence/schemas';
import { Kafka, logLevel, type PartitionerArgs, Partitioners } from 'kafkajs';
import { Registry } from 'prom-client';
import { MessagingMetrics } from '../messaging.metrics';
import { testTopic } from '../testing/test-topic';
import { chunkBySize, EventProducer, keyCachingPartitioner } from './event-producer';

describe(chunkBySize.name, () => {
  it('keeps order and starts a new chunk before the size limit is passed', () => {
    const messages = ['a'.repeat(100), 'b'.repeat(100), 'c'.repeat(100)].map((value) => ({ value }));
    const chunks = chunkBySize(messages, 350);
    expect(chunks.map((c) => c.map((m) => String(m.value)[0]).join(''))).toEqual(['ab', 'c']);
  });

  it('puts a message larger than the limit in a chunk of its own rather than dropping it', () => {
    const chunks = chunkBySize([{ value: 'x'.repeat(1_000) }, { value: 'y' }], 100);
    expect(chunks).toHaveLength(2);
  });
});

describe('keyCachingPartitioner', () => {
  const metadata = (count: number) =>
    Array.from({ length: count }, (_, partitionId) => ({
      partitionErrorCode: 0,
      partitionId,
      leader: 1,
      replicas: [1],
      isr: [1],
    }));
  const args = (topic: string, count: number, message: PartitionerArgs['message']): PartitionerArgs => ({
    topic,
    partitionMetadata: metadata(count),
    message,
  });

  it("picks DefaultPartitioner's partition for every key, also when asked again and after the partition count changed", () => {
    const cached = keyCachingPartitioner();
    const plain = Partitioners.DefaultPartitioner();
    const keys = Array.from({ length: 50 }, (_, i) => `key-${i}`);
    for (const count of [3, 3, 7, 1, 7]) {
      for (const key of [...keys, ...keys]) {
        const message = { key, value: 'v' };
        expect(cached(args('t', count, message))).toBe(plain(args('t', count, message)));
      }
    }
    // The partitions really spread: the cache does not pin every key to one partition.
    const chosen = new Set(keys.map((key) => cached(args('t', 7, { key, value: 'v' }))));
    expect(chosen.size).toBeGreaterThan(1);
  });

  it('keeps an explicit partition, and spreads keyless messages as DefaultPartitioner does', () => {
    const cached = keyCachingPartitioner();
    expect(cached(args('t', 3, { key: 'a', value: 'v' }))).toBe(
      cached(args('t', 3, { key: 'a', value: 'v' })),
    );
    expect(cached(args('t', 3, { key: 'a', value: 'v', partition: 2 }))).toBe(2);
    expect(cached(args('t', 3, { key: 'a', value: 'v', partition: 0 }))).toBe(0);
    const keyless = new Set(Array.from({ length: 6 }, () => cached(args('t', 3, { value: 'v' }))));
    expect(keyless.size).toBe(3);
  });
});

describe(EventProducer.name, () => {
  // Nothing listens here: each case must fail (or not) before the producer ever connects.
  const kafka = new Kafka({
    clientId: 'producer-spec',
    brokers: ['127.0.0.1:9'],
    logLevel: logLevel.NOTHING,
  });
  const producer = new EventProducer(kafka, new MessagingMetrics(new Registry()));
  const topic = testTopic();

  it('publishValidated still validates an envelope createEnvelope did not build (a copy, a cast)', async () => {
    const created = createEnvelope(topic, { source: 'spec', data: { itemId: 'a', count: 1 } });
    const forged = { ...created, data: { itemId: 'a', count: -1 } } as typeof created;
    await expect(producer.publishValidated(topic, [forged])).rejects.toThrow(
      /data is invalid: count: Number must be greater than or equal to 0/,
    );
  });

  it('publishValidated refuses an envelope of another topic', async () => {
    const other = testTopic();
    const created = createEnvelope(other, { source: 'spec', data: { itemId: 'a', count: 1 } });
    await expect(producer.publishValidated(topic, created as never)).rejects.toThrow(SchemaValidationError);
  });
});
