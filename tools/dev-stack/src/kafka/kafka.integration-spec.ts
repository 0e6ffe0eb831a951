import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { temporaryDir } from '../test-support';
import { createMissingTopics } from './create-topics';
import { useOrStartKafka } from './kafka-from-env';
import { describeKafka } from './probe-kafka';
import { startKafka, type KafkaHandle } from './start-kafka';

// Explicit: in a multi-project run (the root jest.integration.config.ts) a project's testTimeout is ignored.
const SLOW = 120_000;

describe('startKafka', () => {
  let kafka: KafkaHandle;
  let removeDir: () => Promise<void>;

  beforeAll(async () => {
    const temp = await temporaryDir('kafka');
    removeDir = temp.remove;
    kafka = await startKafka({ dataDir: temp.dir });
  }, SLOW);

  afterAll(async () => {
    await kafka?.stop();
    await removeDir?.();
  }, SLOW);

  it(
    'delivers a produced message to a consumer',
    async () => {
      const client = new Kafka({
        clientId: 'dev-stack-test',
        brokers: kafka.brokers,
        logLevel: logLevel.NOTHING,
      });
      const admin = client.admin();
      const producer = client.producer({ createPartitioner: Partitioners.DefaultPartitioner });
      const consumer = client.consumer({ groupId: 'dev-stack-test' });
      const topic = 'dev-stack.smoke';
      try {
        await admin.connect();
        await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
        await consumer.connect();
        await consumer.subscribe({ topic, fromBeginning: true });
        const received = new Promise<{ key?: string; value?: string }>((resolve) => {
          void consumer.run({
            eachMessage: async ({ message }) =>
              resolve({ key: message.key?.toString(), value: message.value?.toString() }),
          });
        });
        await producer.connect();
        await producer.send({ topic, messages: [{ key: 'k1', value: 'hello from the dev stack' }] });
        await expect(received).resolves.toEqual({ key: 'k1', value: 'hello from the dev stack' });
      } finally {
        await Promise.allSettled([consumer.disconnect(), producer.disconnect(), admin.disconnect()]);
      }
    },
    SLOW,
  );

  it('creates missing topics, once', async () => {
    const layout = { partitions: 2, replicationFactor: 1 };
    const names = ['dev-stack.a', 'dev-stack.b'];
    const [first, second] = await Promise.all([
      createMissingTopics(kafka.brokers, names, layout),
      createMissingTopics(kafka.brokers, names, layout),
    ]);
    expect([...first, ...second].sort()).toEqual(expect.arrayContaining(names));
    await expect(createMissingTopics(kafka.brokers, names, layout)).resolves.toEqual([]);
  });

  it('is used as is through KAFKA_BROKERS, without starting another', async () => {
    const external = await useOrStartKafka(
      { dataDir: '/nonexistent' },
      { KAFKA_BROKERS: kafka.brokers.join(',') },
    );
    expect(external).toMatchObject({ brokers: kafka.brokers, external: true });
  });

  it('stops the broker', async () => {
    await kafka.stop();
    await expect(describeKafka(kafka.brokers, 1_000)).rejects.toThrow();
  });
});
