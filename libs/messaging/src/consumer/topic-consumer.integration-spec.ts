import { createEnvelope, deadLetterTopicOf } from '@convergence/schemas';
import { Registry } from 'prom-client';
import { createKafkaClient, ensureTopics } from '../kafka-client';
import { MessagingMetrics } from '../messaging.metrics';
import { EventProducer } from '../producer/event-producer';
import { NonRetryableError, RetryableError } from '../retryable-error';
import { eventually, readTopicUntil } from '../testing/read-topic';
import { testTopic } from '../testing/test-topic';
import { DLQ_HEADERS, headerText } from './dead-letter.util';
import { TopicConsumer } from './topic-consumer';

const kafka = createKafkaClient({
  serviceName: 'messaging-test',
  brokers: (process.env['KAFKA_BROKERS'] ?? '').split(','),
  topicPartitions: 1,
  replicationFactor: 1,
});

describe(TopicConsumer.name, () => {
  const registry = new Registry();
  const metrics = new MessagingMetrics(registry);
  const producer = new EventProducer(kafka, metrics);
  let consumer: TopicConsumer | undefined;

  afterEach(async () => {
    await consumer?.stop();
  });
  afterAll(async () => {
    await producer.disconnect();
  });

  it('dead-letters what can never succeed, with its error and original headers, and carries on', async () => {
    const topic = testTopic();
    const dlq = deadLetterTopicOf(topic.name);
    await ensureTopics(kafka, [topic.name, dlq], { partitions: 1, replicationFactor: 1 });
    const valid = (itemId: string) =>
      JSON.stringify(createEnvelope(topic, { id: itemId, source: 'test', data: { itemId, count: 1 } }));
    const badData = JSON.stringify({
      ...JSON.parse(valid('bad-data')),
      data: { itemId: 'bad-data', count: -1 },
    });
    await producer.sendRaw(topic.name, [
      { key: 'a', value: '{not json', headers: { 'x-origin': 'test-1' } },
      { key: 'b', value: badData, headers: { 'x-origin': 'test-2' } },
      { key: 'c', value: valid('rejected'), headers: { 'x-origin': 'test-3' } },
      { key: 'd', value: valid('flaky') },
      { key: 'e', value: valid('fine') },
    ]);

    const handled: string[] = [];
    let flakyAttempts = 0;
    consumer = new TopicConsumer(
      {
        groupId: `${topic.name}.group`,
        topic,
        retryBaseMs: 5,
        handle: async (envelope) => {
          if (envelope.id === 'rejected')
            throw new NonRetryableError('unlock rule refers to a missing token');
          if (envelope.id === 'flaky' && ++flakyAttempts < 3) throw new RetryableError('database busy');
          handled.push(envelope.id);
        },
      },
      { kafka, producer, metrics },
    );
    await consumer.start();

    await eventually(
      async () => (handled.includes('fine') ? true : undefined),
      30_000,
      'valid message handled',
    );
    expect(handled).toEqual(['flaky', 'fine']);
    expect(flakyAttempts).toBe(3);

    const letters = await readTopicUntil(kafka, dlq, (m) => m.length >= 3);
    const byOrigin = new Map(
      letters.map(({ message }) => [headerText(message.headers, 'x-origin'), message]),
    );
    expect(headerText(byOrigin.get('test-1')?.headers, DLQ_HEADERS.error)).toContain('value is not JSON');
    expect(headerText(byOrigin.get('test-2')?.headers, DLQ_HEADERS.error)).toContain(
      'count: Number must be greater than or equal to 0',
    );
    expect(headerText(byOrigin.get('test-3')?.headers, DLQ_HEADERS.error)).toBe(
      'unlock rule refers to a missing token',
    );
    expect(byOrigin.get('test-1')?.value?.toString()).toBe('{not json');
    expect(byOrigin.get('test-2')?.key?.toString()).toBe('b');
    expect(headerText(byOrigin.get('test-2')?.headers, DLQ_HEADERS.originalTopic)).toBe(topic.name);
    expect(headerText(byOrigin.get('test-2')?.headers, DLQ_HEADERS.originalOffset)).toBe('1');

    const deadLettered = await registry.getSingleMetricAsString('messaging_messages_dead_lettered_total');
    expect(deadLettered).toContain(
      `messaging_messages_dead_lettered_total{topic="${topic.name}",group="${topic.name}.group"} 3`,
    );
  });
});
