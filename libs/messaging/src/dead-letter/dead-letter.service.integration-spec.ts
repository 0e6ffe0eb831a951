import { createEnvelope, deadLetterTopicOf, findTopic } from '@convergence/schemas';
import { Registry } from 'prom-client';
import { DLQ_HEADERS, headerText } from '../consumer/dead-letter.util';
import { TopicConsumer } from '../consumer/topic-consumer';
import { createKafkaClient, ensureTopics } from '../kafka-client';
import { MessagingMetrics } from '../messaging.metrics';
import { EventProducer } from '../producer/event-producer';
import { NonRetryableError } from '../retryable-error';
import { eventually, readTopicUntil } from '../testing/read-topic';
import { testTopic } from '../testing/test-topic';
import { DeadLetterNotFoundError } from './dead-letter-not-found.error';
import { REPLAY_HEADERS } from './dead-letter.mapper';
import { DeadLetterService } from './dead-letter.service';
import { InvalidDeadLetterRequestError } from './invalid-dead-letter-request.error';

const kafka = createKafkaClient({
  serviceName: 'messaging-test',
  brokers: (process.env['KAFKA_BROKERS'] ?? '').split(','),
  topicPartitions: 2,
  replicationFactor: 1,
});

describe(DeadLetterService.name, () => {
  const metrics = new MessagingMetrics(new Registry());
  const producer = new EventProducer(kafka, metrics);
  let consumer: TopicConsumer | undefined;

  afterEach(async () => {
    await consumer?.stop();
    consumer = undefined;
  });
  afterAll(async () => {
    await producer.disconnect();
  });

  /** A fresh topic and its DLQ (two partitions, so one of them stays idle), known to the service. */
  async function setUp() {
    const topic = testTopic('dlq');
    const dlq = deadLetterTopicOf(topic.name);
    await ensureTopics(kafka, [topic.name, dlq], { partitions: 2, replicationFactor: 1 });
    const service = new DeadLetterService(kafka, producer, {
      findTopic: (name) => (name === topic.name ? topic : findTopic(name)),
      readTimeoutMs: 20_000,
    });
    const envelope = (itemId: string) =>
      createEnvelope(topic, { id: itemId, source: 'test', data: { itemId, count: 1 } });
    return { topic, dlq, service, envelope };
  }

  it('shows a dead letter with its error and original headers, and replays it to a consumer that now succeeds', async () => {
    const { topic, dlq, service, envelope } = await setUp();
    await producer.publish(topic, [envelope('poison'), envelope('fine')], { 'x-origin': 'dlq-test' });

    // The handler rejects "poison" the first time only, as if a missing rule were added afterwards.
    const attempts: string[] = [];
    const applied: string[] = [];
    consumer = new TopicConsumer(
      {
        groupId: `${topic.name}.group`,
        topic,
        handle: async (event, meta) => {
          attempts.push(event.id);
          if (event.id === 'poison' && !headerText(meta.headers, REPLAY_HEADERS.replayedFrom)) {
            throw new NonRetryableError('unlock rule refers to a missing token');
          }
          applied.push(event.id);
        },
      },
      { kafka, producer, metrics },
    );
    await consumer.start();

    const [letter] = await eventually(
      async () => {
        const letters = await service.inspect(topic.name);
        return letters.length > 0 ? letters : undefined;
      },
      30_000,
      'dead letter visible',
    );
    expect(letter).toMatchObject({
      key: 'poison',
      error: 'unlock rule refers to a missing token',
      errorName: 'NonRetryableError',
      originalTopic: topic.name,
      originalOffset: expect.stringMatching(/^\d+$/),
      consumerGroup: `${topic.name}.group`,
      eventId: 'poison',
      eventType: topic.name,
    });
    expect(new Date(letter.failedAt ?? '').getTime()).not.toBeNaN();
    expect(JSON.parse(letter.value ?? '')).toMatchObject({ id: 'poison', data: { itemId: 'poison' } });
    expect(letter.headers).toMatchObject({ 'x-origin': 'dlq-test', 'event-id': 'poison' });
    expect(Object.keys(letter.headers).filter((h) => h.startsWith('x-dlq-'))).toEqual([]);
    // The .dlq name works as well, and paging past the last letter ends on the idle DLQ.
    expect(await service.inspect(dlq, { limit: 10 })).toEqual([letter]);
    expect(
      await service.inspect(dlq, {
        partition: letter.partition,
        fromOffset: String(BigInt(letter.offset) + 1n),
      }),
    ).toEqual([]);

    await expect(
      service.replay(dlq, { partition: letter.partition, offsets: [letter.offset] }),
    ).resolves.toEqual({
      replayed: 1,
    });

    await eventually(
      async () => (applied.includes('poison') ? true : undefined),
      30_000,
      'replayed event applied',
    );
    expect(attempts.filter((id) => id === 'poison')).toHaveLength(2);
    expect(applied.sort()).toEqual(['fine', 'poison']);

    const onTopic = await readTopicUntil(kafka, topic.name, (m) => m.length >= 3);
    const replayed = onTopic.find(({ message }) => headerText(message.headers, REPLAY_HEADERS.replayedFrom));
    expect(headerText(replayed?.message.headers, REPLAY_HEADERS.replayedFrom)).toBe(
      `${dlq}:${letter.partition}:${letter.offset}`,
    );
    expect(headerText(replayed?.message.headers, 'x-origin')).toBe('dlq-test');
    expect(headerText(replayed?.message.headers, DLQ_HEADERS.error)).toBeUndefined();
    expect(replayed?.message.key?.toString()).toBe('poison');
    // The replay succeeded, so nothing new was dead-lettered.
    expect(await service.inspect(topic.name)).toHaveLength(1);
  });

  it('replays everything with { all: true } and names what it cannot find or read', async () => {
    const { topic, dlq, service, envelope } = await setUp();
    await expect(service.replay(topic.name, { all: true })).resolves.toEqual({ replayed: 0 });

    await producer.sendRaw(dlq, [
      {
        key: 'a',
        value: JSON.stringify(envelope('a')),
        headers: { [DLQ_HEADERS.originalTopic]: topic.name },
      },
      {
        key: 'b',
        value: JSON.stringify(envelope('b')),
        headers: { [DLQ_HEADERS.originalTopic]: topic.name },
      },
    ]);
    const letters = await service.inspect(topic.name);
    expect(letters.map((l) => l.eventId).sort()).toEqual(['a', 'b']);
    expect(await service.inspect(topic.name, { limit: 1 })).toEqual([letters[0]]);

    await expect(service.replay(topic.name, { all: true })).resolves.toEqual({ replayed: 2 });
    const onTopic = await readTopicUntil(kafka, topic.name, (m) => m.length >= 2);
    expect(onTopic.map(({ message }) => message.key?.toString()).sort()).toEqual(['a', 'b']);

    const missing = service.replay(dlq, { partition: 0, offsets: ['999'] });
    await expect(missing).rejects.toThrow(DeadLetterNotFoundError);
    await expect(missing).rejects.toThrow(`no dead letter at ${dlq}:0:999`);
    await expect(service.replay(dlq, { partition: 7, offsets: ['0'] })).rejects.toThrow(`${dlq}:7:0`);
    await expect(service.inspect('no.such.topic.v1')).rejects.toThrow(InvalidDeadLetterRequestError);
    await expect(service.inspect('no.such.topic.v1.dlq')).rejects.toThrow(
      'unknown topic "no.such.topic.v1.dlq"',
    );
  });
});
