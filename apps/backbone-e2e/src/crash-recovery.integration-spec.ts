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

interface InterruptedRun {
  processedAtStop: number;
  skippedAfterRestart: number;
  activity: { wallet: string; count: string }[];
  wallets: string[];
}

describe('unlock-engine stopped in the middle of a batch', () => {
  const brokers = process.env['KAFKA_BROKERS'] ?? '';
  const kafka = createKafkaClient({
    serviceName: 'backbone-e2e',
    brokers: brokers.split(','),
    topicPartitions: 3,
    replicationFactor: 1,
  });
  let databaseUrl: string;
  let db: Client;
  const running: ServiceProcess[] = [];

  beforeAll(async () => {
    databaseUrl = await createWorkerDatabase();
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await Promise.all(running.map((s) => s.stop()));
    await db.end();
  });

  /**
   * Starts unlock-engine (own schema and consumer group), publishes EVENTS transfers between two fresh
   * wallets, stops the process with `stop` once some are applied, restarts it and waits for all.
   */
  async function consumeWithInterruption(
    stop: (service: ServiceProcess) => Promise<void>,
  ): Promise<InterruptedRun> {
    const suffix = randomBytes(3).toString('hex');
    const schema = `ue_stop_${suffix}`;
    const env = {
      DATABASE_URL: databaseUrl,
      DATABASE_SCHEMA: schema,
      KAFKA_BROKERS: brokers,
      KAFKA_CONSUMER_GROUP_PREFIX: `stop-${suffix}.`,
      // A killed member's partitions move once its session expires; keep that wait short.
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      LOG_LEVEL: 'warn',
    };
    const from = randomAddress();
    const to = randomAddress();
    const envelopes = Array.from({ length: EVENTS }, (_, i) => {
      const log = transferLog(from, to, '1', i + 1);
      return createEnvelope(topics.chainEvmLog, {
        id: `31337:${log.blockHash}:0`,
        source: 'backbone-e2e',
        data: log,
      });
    });
    const eventIds = envelopes.map((e) => e.id);
    // Only this run's events: the topic also holds other tests' events.
    const processedCount = async () => {
      const { rows } = await db
        .query(`SELECT count(*)::int AS n FROM "${schema}".chain_events WHERE event_id = ANY($1)`, [eventIds])
        .catch(() => ({ rows: [{ n: 0 }] }));
      return (rows[0] as { n: number }).n;
    };

    const first = await spawnService('unlock-engine', env);
    running.push(first);
    await waitForReady(first);
    const producer = new EventProducer(kafka, new MessagingMetrics(new Registry()));
    await producer.publish(topics.chainEvmLog, envelopes);
    await producer.disconnect();
    await eventually(
      async () => ((await processedCount()) >= 50 ? true : undefined),
      60_000,
      'first events applied',
    );
    await stop(first);
    const processedAtStop = await processedCount();

    const second = await spawnService('unlock-engine', env);
    running.push(second);
    await waitForReady(second);
    await eventually(
      async () => ((await processedCount()) === EVENTS ? true : undefined),
      120_000,
      'all events applied',
    );
    const metrics = await (await fetch(`${second.url}/metrics`)).text();
    const skipped = /^unlock_engine_duplicate_events_skipped_total\{[^}]*\} (\d+)/m.exec(metrics)?.[1] ?? '0';
    const { rows } = await db.query(
      `SELECT wallet, count FROM "${schema}".wallet_activity WHERE wallet = ANY($1) ORDER BY wallet`,
      [[from, to]],
    );
    await second.stop();
    return {
      processedAtStop,
      skippedAfterRestart: Number(skipped),
      activity: rows,
      wallets: [from, to].sort(),
    };
  }

  it('applies every event exactly once after kill -9 and a restart', async () => {
    const run = await consumeWithInterruption(async (service) => {
      service.child.kill('SIGKILL');
      await service.exited;
    });
    expect(run.activity).toEqual(run.wallets.map((wallet) => ({ wallet, count: String(EVENTS) })));
    // unlock-engine applies a Kafka batch in one transaction and commits its offsets right after: a kill between
    // the two redelivers that batch, recognised and skipped (counted below); a kill inside the transaction loses
    // nothing either. Which of the two happens is timing, so the count is reported, the outcome above asserted.
    process.stdout.write(
      `kill -9: ${run.processedAtStop} applied at kill, ${run.skippedAfterRestart} redelivered and skipped\n`,
    );
  }, 240_000);

  it('commits what it applied when stopped with SIGTERM, so a restart redelivers nothing', async () => {
    const run = await consumeWithInterruption(async (service) => {
      expect(await service.stop()).toBe(0);
    });
    expect(run.activity).toEqual(run.wallets.map((wallet) => ({ wallet, count: String(EVENTS) })));
    expect(run.skippedAfterRestart).toBe(0);
  }, 240_000);
});
