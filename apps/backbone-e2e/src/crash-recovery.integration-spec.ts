import { randomBytes } from 'node:crypto';
import { createWorkerDatabase } from '@convergence/dev-stack';
import { EventProducer, MessagingMetrics, createKafkaClient } from '@convergence/messaging';
import { eventually } from '@convergence/messaging/testing';
import { createEnvelope, topics } from '@convergence/schemas';
import { type ServiceProcess, spawnService, waitForReady } from '@convergence/service-kit/testing';
import { Client } from 'pg';
import { Registry } from 'prom-client';
import { randomAddress, transferLog } from './support/evm-log.factory';

const EVENTS = 2_000;

describe('unlock-engine killed in the middle of a batch', () => {
  const suffix = randomBytes(3).toString('hex');
  const schema = `ue_crash_${suffix}`;
  const groupPrefix = `crash-${suffix}.`;
  const brokers = process.env['KAFKA_BROKERS'] ?? '';
  const kafka = createKafkaClient({
    serviceName: 'backbone-e2e',
    brokers: brokers.split(','),
    topicPartitions: 3,
    replicationFactor: 1,
  });
  let db: Client;
  let env: Record<string, string>;
  let service: ServiceProcess | undefined;

  beforeAll(async () => {
    const databaseUrl = await createWorkerDatabase();
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
    env = {
      DATABASE_URL: databaseUrl,
      DATABASE_SCHEMA: schema,
      KAFKA_BROKERS: brokers,
      KAFKA_CONSUMER_GROUP_PREFIX: groupPrefix,
      // The killed member's partitions move once its session expires; keep that wait short.
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      LOG_LEVEL: 'warn',
    };
  });
  afterAll(async () => {
    await service?.stop();
    await db.end();
  });

  let eventIds: string[] = [];
  /** How many of this test's events unlock-engine has recorded (the topic also holds other tests' events). */
  const processedCount = async () => {
    const { rows } = await db
      .query(`SELECT count(*)::int AS n FROM "${schema}".processed_events WHERE event_id = ANY($1)`, [
        eventIds,
      ])
      .catch(() => ({ rows: [{ n: 0 }] }));
    return (rows[0] as { n: number }).n;
  };

  it('applies every event exactly once after a restart', async () => {
    const started = Date.now();
    const log = (what: string) =>
      process.stdout.write(`crash-recovery +${Date.now() - started} ms: ${what}\n`);
    service = await spawnService('unlock-engine', env);
    await waitForReady(service);

    const from = randomAddress();
    const to = randomAddress();
    const producer = new EventProducer(kafka, new MessagingMetrics(new Registry()));
    const envelopes = Array.from({ length: EVENTS }, (_, i) => {
      const log = transferLog(from, to, '1', i + 1);
      return createEnvelope(topics.chainEvmLog, {
        id: `31337:${log.blockHash}:0`,
        source: 'backbone-e2e',
        data: log,
      });
    });
    eventIds = envelopes.map((e) => e.id);
    await producer.publish(topics.chainEvmLog, envelopes);
    await producer.disconnect();

    await eventually(
      async () => ((await processedCount()) >= 50 ? true : undefined),
      60_000,
      'first events processed',
    );
    log('killing');
    service.child.kill('SIGKILL');
    await service.exited;
    const processedAtKill = await processedCount();
    expect(processedAtKill).toBeLessThan(EVENTS);

    service = await spawnService('unlock-engine', env);
    await waitForReady(service);
    log(`restarted, ${processedAtKill} processed at kill`);
    await eventually(
      async () => ((await processedCount()) === EVENTS ? true : undefined),
      120_000,
      'all events processed',
    );

    const { rows } = await db.query(
      `SELECT wallet, count FROM "${schema}".wallet_activity WHERE wallet = ANY($1) ORDER BY wallet`,
      [[from, to]],
    );
    expect(rows).toEqual([from, to].sort().map((wallet) => ({ wallet, count: String(EVENTS) })));
    // Events processed before the kill but not yet committed were delivered again and skipped.
    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    const skipped = Number(
      /^unlock_engine_duplicate_events_skipped_total\{[^}]*\} (\d+)/m.exec(metrics)?.[1] ?? 0,
    );
    expect(skipped).toBeGreaterThan(0);
    log(`${skipped} redelivered and skipped`);
  }, 240_000);
});
