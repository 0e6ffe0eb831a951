import { createEnvelope, parseEnvelope } from '@convergence/schemas';
import { Registry } from 'prom-client';
import { createKafkaClient, ensureTopics } from '../kafka-client';
import { MessagingMetrics } from '../messaging.metrics';
import { readTopicUntil } from '../testing/read-topic';
import { testTopic } from '../testing/test-topic';
import { headerText } from '../consumer/dead-letter.util';
import { EventProducer } from './event-producer';

const kafka = createKafkaClient({
  serviceName: 'messaging-test',
  brokers: (process.env['KAFKA_BROKERS'] ?? '').split(','),
  topicPartitions: 1,
  replicationFactor: 1,
});

describe(EventProducer.name, () => {
  const producer = new EventProducer(kafka, new MessagingMetrics(new Registry()));

  afterAll(async () => {
    await producer.disconnect();
  });

  it('publishValidated sends created envelopes exactly as publish does: key, value, event headers, in order', async () => {
    const topic = testTopic();
    await ensureTopics(kafka, [topic.name], { partitions: 1, replicationFactor: 1 });
    const envelopeOf = (i: number) =>
      createEnvelope(topic, {
        id: `item-${i}`,
        source: 'test',
        time: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
        data: { itemId: `item-${i % 3}`, count: i },
      });
    const viaPublish = [0, 1, 2].map(envelopeOf);
    const viaValidated = [3, 4, 5, 6, 7].map(envelopeOf);
    await producer.publish(topic, viaPublish, { 'x-origin': 'publish' });
    await producer.publishValidated(topic, viaValidated, { 'x-origin': 'validated' });

    const read = await readTopicUntil(kafka, topic.name, (m) => m.length >= 8);
    const sent = [...viaPublish, ...viaValidated];
    expect(read.map(({ message }) => message.key?.toString())).toEqual(sent.map((e) => e.data.itemId));
    expect(read.map(({ message }) => message.value?.toString())).toEqual(sent.map((e) => JSON.stringify(e)));
    for (const [i, { message }] of read.entries()) {
      expect(headerText(message.headers, 'event-id')).toBe(`item-${i}`);
      expect(headerText(message.headers, 'event-type')).toBe(topic.name);
      expect(headerText(message.headers, 'x-origin')).toBe(i < 3 ? 'publish' : 'validated');
      // What a consumer does on receipt: the full check, which these pass.
      expect(parseEnvelope(topic, message.value)).toEqual(sent[i]);
    }
  });
});
