import { randomBytes } from 'node:crypto';
import { eventually } from '@convergence/messaging/testing';
import { type ServiceProcess, spawnService, waitForReady } from '@convergence/service-kit/testing';
import { Client } from 'pg';
import { type GatewayUnderTest, SIWE_DOMAIN, startGateway } from '../testing/gateway.process';

const INTERVAL_MS = 1_000;

// Two replicas on one database: each samples itself every interval, the services are scraped once.
describe('metric sampling with two gateway replicas', () => {
  let first: GatewayUnderTest;
  let second: ServiceProcess;
  let db: Client;

  beforeAll(async () => {
    first = await startGateway({ REPORT_SAMPLE_INTERVAL_MS: String(INTERVAL_MS) });
    second = await spawnService('api-gateway', {
      DATABASE_URL: first.databaseUrl,
      DATABASE_SCHEMA: first.schema,
      KAFKA_BROKERS: process.env['KAFKA_BROKERS'] ?? '',
      KAFKA_CONSUMER_GROUP_PREFIX: `gw-replica-${randomBytes(3).toString('hex')}.`,
      GATEWAY_INSTANCE_ID: 'replica-2',
      JWT_SECRET: randomBytes(32).toString('hex'),
      SIWE_DOMAIN,
      UPSTREAM_CHAIN_INDEXER_URL: first.stubs['chain-indexer'].url,
      UPSTREAM_UNLOCK_ENGINE_URL: first.stubs['unlock-engine'].url,
      UPSTREAM_ORACLE_URL: first.stubs.oracle.url,
      UPSTREAM_ALERT_ROUTER_URL: first.stubs['alert-router'].url,
      REPORT_SAMPLE_INTERVAL_MS: String(INTERVAL_MS),
      LOG_LEVEL: 'warn',
    });
    await waitForReady(second);
    db = new Client({ connectionString: first.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await second?.stop();
    await first?.stop();
  });

  const samplesOf = async (source: string): Promise<number[]> => {
    const { rows } = await db.query<{ at: Date }>(
      `SELECT sampled_at AS at FROM "${first.schema}".metric_samples WHERE source = $1 ORDER BY sampled_at`,
      [source],
    );
    return rows.map((r) => r.at.getTime());
  };

  it('stores every replica’s own samples and each service’s at most once per half interval', async () => {
    await eventually(
      async () => ((await samplesOf('api-gateway:replica-2')).length >= 5 ? true : undefined),
      30_000,
      'five ticks of the second replica',
    );
    const { rows: sources } = await db.query<{ source: string }>(
      `SELECT DISTINCT source FROM "${first.schema}".metric_samples WHERE source LIKE 'api-gateway:%'`,
    );
    expect(sources).toHaveLength(2);

    for (const service of ['chain-indexer', 'unlock-engine', 'oracle', 'alert-router']) {
      const times = await samplesOf(service);
      expect(times.length).toBeGreaterThanOrEqual(3);
      const gaps = times.slice(1).map((t, i) => t - times[i]!);
      // Both replicas tick every interval; without the turn-taking half the gaps would be near zero.
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(INTERVAL_MS / 2);
    }
  });
});
