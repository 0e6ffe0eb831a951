import { randomBytes } from 'node:crypto';
import { createWorkerDatabase } from '@convergence/dev-stack';
import { EventProducer, MessagingMetrics, createKafkaClient } from '@convergence/messaging';
import { eventually } from '@convergence/messaging/testing';
import { createEnvelope, topics } from '@convergence/schemas';
import { type ServiceProcess, spawnService, waitForReady } from '@convergence/service-kit/testing';
import { Client } from 'pg';
import { Registry } from 'prom-client';
import { fingerprintOf } from '../alerts/fingerprint.util';

interface GettableAlert {
  fingerprint: string;
  labels: Record<string, string>;
  endsAt: string;
  status: { state: string };
}

describe('alert-router API v2 alerts', () => {
  const suffix = randomBytes(3).toString('hex');
  const schema = `ar_api_${suffix}`;
  let service: ServiceProcess;
  let db: Client;

  beforeAll(async () => {
    const databaseUrl = await createWorkerDatabase();
    service = await spawnService('alert-router', {
      DATABASE_URL: databaseUrl,
      DATABASE_SCHEMA: schema,
      KAFKA_BROKERS: process.env['KAFKA_BROKERS'] ?? '',
      KAFKA_CONSUMER_GROUP_PREFIX: `ar-${suffix}.`,
      ALERT_ROUTER_OUTBOX_RELAY: 'false',
    });
    await waitForReady(service);
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await service?.stop();
    await db?.end();
  });

  const post = (body: unknown) =>
    fetch(`${service.url}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const active = async () => (await (await fetch(`${service.url}/api/v2/alerts`)).json()) as GettableAlert[];
  const history = async (fingerprint: string) =>
    (
      await db.query(
        `SELECT status, source FROM "${schema}".alert_history WHERE fingerprint = $1 ORDER BY id`,
        [fingerprint],
      )
    ).rows as { status: string; source: string }[];

  it('stores posted alerts by their Alertmanager fingerprint, and repeats change nothing', async () => {
    const down = { alertname: 'APIServerDown', service: 'api-gateway', run: suffix };
    const lag = { alertname: 'KafkaConsumerLag', severity: 'warning', run: suffix };
    const body = [{ labels: down, annotations: { summary: 'gateway down' } }, { labels: lag }];
    expect((await post(body)).status).toBe(200);
    expect((await post(body)).status).toBe(200);

    const listed = (await active()).filter((a) => a.labels['run'] === suffix);
    expect(listed.map((a) => a.fingerprint).sort()).toEqual([fingerprintOf(down), fingerprintOf(lag)].sort());
    expect(listed.every((a) => a.status.state === 'active')).toBe(true);
    expect(await history(fingerprintOf(down))).toEqual([{ status: 'firing', source: 'api' }]);
  });

  it('resolves an alert posted with an end in the past and records it in the history', async () => {
    const labels = { alertname: 'RPCErrorRateHigh', chain: '1', run: suffix };
    await post([{ labels, startsAt: new Date(Date.now() - 60_000).toISOString() }]);
    await post([{ labels, endsAt: new Date(Date.now() - 1_000).toISOString() }]);

    expect((await active()).some((a) => a.fingerprint === fingerprintOf(labels))).toBe(false);
    expect(await history(fingerprintOf(labels))).toEqual([
      { status: 'firing', source: 'api' },
      { status: 'resolved', source: 'api' },
    ]);
  });

  it('rejects invalid alerts with a problem naming the field', async () => {
    const response = await post([
      { labels: { alertname: 'X' } },
      { labels: { 'bad-name': 'x' } },
      { labels: {} },
    ]);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as { errors: { field: string; message: string }[] };
    expect(problem.errors).toEqual([
      { field: '1.labels.bad-name', message: 'invalid label name' },
      { field: '2.labels', message: 'at least one label pair required' },
    ]);
    expect((await active()).some((a) => a.labels['alertname'] === 'X')).toBe(false);
  });

  it('takes alerts our services raise on alerts.raw.v1', async () => {
    const labels = { alertname: 'IndexerStalled', chain: '31337', run: suffix };
    const producer = new EventProducer(
      createKafkaClient({
        serviceName: 'alert-router-test',
        brokers: (process.env['KAFKA_BROKERS'] ?? '').split(','),
        topicPartitions: 3,
        replicationFactor: 1,
      }),
      new MessagingMetrics(new Registry()),
    );
    const envelope = createEnvelope(topics.alertsRaw, {
      source: 'chain-indexer',
      data: {
        labels,
        annotations: { summary: 'no new block for 5 minutes' },
        startsAt: new Date().toISOString(),
      },
    });
    await producer.publish(topics.alertsRaw, [envelope, envelope]);
    await producer.disconnect();

    const fingerprint = fingerprintOf(labels);
    await eventually(async () =>
      (await active()).some((a) => a.fingerprint === fingerprint) ? true : undefined,
    );
    await eventually(async () => ((await history(fingerprint)).length > 0 ? true : undefined));
    expect(await history(fingerprint)).toEqual([{ status: 'firing', source: 'kafka' }]);
  });
});
