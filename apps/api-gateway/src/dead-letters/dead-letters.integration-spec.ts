import { randomUUID } from 'node:crypto';
import { DLQ_HEADERS, createKafkaClient, ensureTopics } from '@convergence/messaging';
import { readTopicUntil } from '@convergence/messaging/testing';
import { Partitioners } from 'kafkajs';
import { createEnvelope, topics } from '@convergence/schemas';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { type GatewayUnderTest, SIWE_DOMAIN, startGateway } from '../testing/gateway.process';
import { type Tokens, bearer, postJson, signIn } from '../testing/sign-in';

interface Letter {
  partition: number;
  offset: string;
  eventId?: string;
  error: string | null;
}

describe('api-gateway dead letters', () => {
  const operator = privateKeyToAccount(generatePrivateKey());
  const kafka = createKafkaClient({
    serviceName: 'test',
    brokers: (process.env['KAFKA_BROKERS'] ?? '').split(','),
    topicPartitions: 1,
    replicationFactor: 1,
  });
  let gw: GatewayUnderTest;
  let tokens: Tokens;

  beforeAll(async () => {
    gw = await startGateway({ OPERATOR_WALLETS: operator.address });
    tokens = await signIn(gw.url, operator, SIWE_DOMAIN);
  });
  afterAll(async () => {
    await gw?.stop();
  });

  it('lets an operator read a dead letter and replay it onto its topic', async () => {
    const topic = topics.profileUpdated.name;
    const envelope = createEnvelope(topics.profileUpdated, {
      id: randomUUID(),
      source: 'unlock-engine',
      data: { wallet: '0x' + '3'.repeat(40), fields: ['balance'], confirmed: true },
    });
    await ensureTopics(kafka, [topic, `${topic}.dlq`], { partitions: 1, replicationFactor: 1 });
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({
      topic: `${topic}.dlq`,
      messages: [
        {
          key: envelope.data.wallet,
          value: JSON.stringify(envelope),
          headers: {
            'event-id': envelope.id,
            'event-type': envelope.type,
            [DLQ_HEADERS.error]: 'profile store unavailable',
            [DLQ_HEADERS.originalTopic]: topic,
          },
        },
      ],
    });
    await producer.disconnect();

    const inspected = await fetch(`${gw.url}/api/operator/dlq/${topic}?limit=500`, {
      headers: bearer(tokens),
    });
    expect(inspected.status).toBe(200);
    const letter = ((await inspected.json()) as Letter[]).find((l) => l.eventId === envelope.id);
    expect(letter).toMatchObject({ error: 'profile store unavailable' });

    const replay = await postJson(
      `${gw.url}/api/operator/dlq/${topic}/replay`,
      { partition: letter!.partition, offsets: [letter!.offset] },
      bearer(tokens),
    );
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ replayed: 1 });
    await readTopicUntil(kafka, topic, (messages) =>
      messages.some((m) => m.message.headers?.['event-id']?.toString() === envelope.id),
    );
  });

  it('answers an unknown topic and a missing letter with problems', async () => {
    const unknown = await fetch(`${gw.url}/api/operator/dlq/no.such.topic.v1`, { headers: bearer(tokens) });
    expect(unknown.status).toBe(400);
    const missing = await postJson(
      `${gw.url}/api/operator/dlq/unlock.revoked.v1/replay`,
      { partition: 0, offsets: ['999999999'] },
      bearer(tokens),
    );
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
  });
});
