import { randomBytes } from 'node:crypto';
import { createWorkerDatabase } from '@convergence/dev-stack';
import { type ServiceProcess, spawnService, waitForReady } from '@convergence/service-kit/testing';
import { startUpstreamStub, type UpstreamStub } from './upstream-stub';

export const SIWE_DOMAIN = 'app.convergence.test';

export interface GatewayUnderTest {
  gateway: ServiceProcess;
  url: string;
  databaseUrl: string;
  schema: string;
  stubs: Record<'chain-indexer' | 'unlock-engine' | 'oracle' | 'alert-router', UpstreamStub>;
  stop(): Promise<void>;
}

/**
 * The real gateway process on real Postgres and Kafka, with loopback stubs standing in for the
 * services behind it (unless `env` points an UPSTREAM_*_URL elsewhere).
 */
export async function startGateway(env: Record<string, string> = {}): Promise<GatewayUnderTest> {
  const suffix = randomBytes(3).toString('hex');
  const databaseUrl = await createWorkerDatabase();
  const schema = `gw_${suffix}`;
  const stubs = {
    'chain-indexer': await startUpstreamStub('chain-indexer'),
    'unlock-engine': await startUpstreamStub('unlock-engine'),
    oracle: await startUpstreamStub('oracle'),
    'alert-router': await startUpstreamStub('alert-router'),
  };
  const gateway = await spawnService('api-gateway', {
    DATABASE_URL: databaseUrl,
    DATABASE_SCHEMA: schema,
    KAFKA_BROKERS: process.env['KAFKA_BROKERS'] ?? '',
    KAFKA_CONSUMER_GROUP_PREFIX: `gw-${suffix}.`,
    GATEWAY_INSTANCE_ID: `test-${suffix}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    SIWE_DOMAIN,
    UPSTREAM_CHAIN_INDEXER_URL: stubs['chain-indexer'].url,
    UPSTREAM_UNLOCK_ENGINE_URL: stubs['unlock-engine'].url,
    UPSTREAM_ORACLE_URL: stubs.oracle.url,
    UPSTREAM_ALERT_ROUTER_URL: stubs['alert-router'].url,
    LOG_LEVEL: 'warn',
    ...env,
  });
  await waitForReady(gateway);
  return {
    gateway,
    url: gateway.url,
    databaseUrl,
    schema,
    stubs,
    async stop() {
      await gateway.stop();
      await Promise.all(Object.values(stubs).map((s) => s.close()));
    },
  };
}
