// Test helpers: an unlock-engine process on the test stack, HTTP calls to it, and Kafka in and out.
import { randomBytes } from 'node:crypto';
import { createWorkerDatabase } from '@convergence/dev-stack';
import { EventProducer, MessagingMetrics, createKafkaClient, ensureTopics } from '@convergence/messaging';
import { eventually, readTopicUntil } from '@convergence/messaging/testing';
import {
  type Envelope,
  type TopicData,
  type TopicDefinition,
  createEnvelope,
  topics,
} from '@convergence/schemas';
import { type ServiceProcess, spawnService, waitForReady } from '@convergence/service-kit/testing';
import type { Kafka } from 'kafkajs';
import { Client } from 'pg';
import { Registry } from 'prom-client';

export const kafkaBrokers = (): string => process.env['KAFKA_BROKERS'] ?? '';

/** One Kafka client and producer for a test file. */
export function testKafka(): { kafka: Kafka; producer: EventProducer } {
  const kafka = createKafkaClient({
    serviceName: `unlock-engine-test-${randomBytes(3).toString('hex')}`,
    brokers: kafkaBrokers().split(','),
    topicPartitions: 1,
    replicationFactor: 1,
  });
  return { kafka, producer: new EventProducer(kafka, new MessagingMetrics(new Registry())) };
}

/** Where a test's engine keeps its state: a schema of the worker database and a consumer-group prefix. */
export interface EngineStorage {
  readonly databaseUrl: string;
  readonly schema: string;
  readonly groupPrefix: string;
}

export async function engineStorage(name: string): Promise<EngineStorage> {
  const suffix = randomBytes(3).toString('hex');
  return {
    databaseUrl: await createWorkerDatabase(),
    schema: `ue_${name}_${suffix}`,
    groupPrefix: `ue-${name}-${suffix}.`,
  };
}

/** Starts the engine as its own process (as `npm start` does) and waits until it is ready. */
export async function startEngine(
  storage: EngineStorage,
  env: Record<string, string> = {},
): Promise<ServiceProcess> {
  const service = await spawnService('unlock-engine', {
    DATABASE_URL: storage.databaseUrl,
    DATABASE_SCHEMA: storage.schema,
    KAFKA_BROKERS: kafkaBrokers(),
    KAFKA_CONSUMER_GROUP_PREFIX: storage.groupPrefix,
    KAFKA_SESSION_TIMEOUT_MS: '6000',
    CONTRACTS_FILE: process.env['TEST_CONTRACTS_FILE'] ?? '',
    EVM_RPC_URL: process.env['EVM_RPC_URL'] ?? '',
    EVM_CHAIN_ID: process.env['EVM_CHAIN_ID'] ?? '31337',
    UNLOCK_RECONCILE_INTERVAL_MS: '0',
    UNLOCK_DEFINITIONS_REFRESH_MS: '500',
    ...env,
  });
  await waitForReady(service);
  return service;
}

/** A JSON response: status, content type and body. */
export interface JsonResponse<T = unknown> {
  readonly status: number;
  readonly contentType: string | null;
  readonly body: T;
}

export async function call<T = unknown>(
  service: ServiceProcess,
  method: string,
  path: string,
  body?: unknown,
): Promise<JsonResponse<T>> {
  const response = await fetch(`${service.url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    body: (text ? JSON.parse(text) : undefined) as T,
  };
}

/** A metric's value from `/metrics`, summed over the series carrying these labels (0 when none yet). */
export async function metricValue(
  service: ServiceProcess,
  name: string,
  labels: Record<string, string> = {},
): Promise<number> {
  const text = await (await fetch(`${service.url}/metrics`)).text();
  let total = 0;
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const series = Object.fromEntries(
      [...(match[3] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((m) => [
        m[1],
        m[2],
      ]),
    );
    if (Object.entries(labels).every(([key, value]) => series[key] === value)) total += Number(match[4]);
  }
  return total;
}

/** Waits until the engine's relay published every outbox row written so far. */
export async function outboxDrained(db: Client): Promise<void> {
  await eventually(
    async () => {
      const { rows } = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL',
      );
      return rows[0]?.n === 0 ? true : undefined;
    },
    30_000,
    'outbox drained',
  );
}

/** Opens a pg client on the engine's schema. */
export async function openDatabase(storage: EngineStorage): Promise<Client> {
  const client = new Client({ connectionString: storage.databaseUrl });
  await client.connect();
  await client.query(`SET search_path TO "${storage.schema}"`);
  return client;
}

export async function publish<T extends TopicDefinition>(
  producer: EventProducer,
  topic: T,
  envelopes: Envelope<TopicData<T>>[],
): Promise<void> {
  await producer.publish(topic, envelopes);
}

/**
 * Every `unlock.achieved.v1` / `unlock.revoked.v1` / `profile.updated.v1` for a wallet, read up to a
 * sentinel published after them with the same key (so on the same partition): what is on the
 * topic, not what arrived so far.
 */
export async function walletEventsOnTopic<
  T extends typeof topics.unlockAchieved | typeof topics.unlockRevoked | typeof topics.profileUpdated,
>(kafka: Kafka, producer: EventProducer, topic: T, wallet: string): Promise<Array<Envelope<TopicData<T>>>> {
  await ensureTopics(kafka, [topic.name], { partitions: 3, replicationFactor: 1 });
  const marker = `sentinel-${randomBytes(4).toString('hex')}`;
  const source = 'test';
  if (topic.name === topics.unlockAchieved.name) {
    await producer.publish(
      topics.unlockAchieved,
      createEnvelope(topics.unlockAchieved, {
        source,
        data: {
          wallet,
          unlockId: marker,
          unlockVersion: 1,
          achievedAt: new Date().toISOString(),
          provisional: false,
        },
      }),
    );
  } else if (topic.name === topics.unlockRevoked.name) {
    await producer.publish(
      topics.unlockRevoked,
      createEnvelope(topics.unlockRevoked, {
        source,
        data: {
          wallet,
          unlockId: marker,
          unlockVersion: 1,
          revokedAt: new Date().toISOString(),
          reason: 'sentinel',
        },
      }),
    );
  } else {
    await producer.publish(
      topics.profileUpdated,
      createEnvelope(topics.profileUpdated, { source, data: { wallet, fields: [marker], confirmed: true } }),
    );
  }
  const seen = await readTopicUntil(kafka, topic.name, (messages) =>
    messages.some((m) => m.message.value?.toString().includes(marker)),
  );
  return seen
    .map((m) => JSON.parse(m.message.value!.toString()) as Envelope<TopicData<T>>)
    .filter(
      (e) =>
        (e.data as { wallet: string }).wallet === wallet && !JSON.stringify(e.data).includes('sentinel-'),
    );
}
