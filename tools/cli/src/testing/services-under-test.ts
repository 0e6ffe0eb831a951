import { randomBytes } from 'node:crypto';
import { type ServiceProcess, freePort, spawnService, waitForReady } from '@convergence/service-kit/testing';

export const SIWE_DOMAIN = 'ops.convergence.test';

/** The real api-gateway with real services behind it, on one database, each in its own schema. */
export interface ServicesUnderTest {
  gateway: ServiceProcess;
  /** The upstreams started for the gateway, by name. */
  upstreams: Partial<Record<Upstream, ServiceProcess>>;
  stop(): Promise<void>;
}

type Upstream = 'alert-router' | 'chain-indexer';

const upstreamUrlVariable: Record<Upstream | 'unlock-engine' | 'oracle', string> = {
  'alert-router': 'UPSTREAM_ALERT_ROUTER_URL',
  'chain-indexer': 'UPSTREAM_CHAIN_INDEXER_URL',
  'unlock-engine': 'UPSTREAM_UNLOCK_ENGINE_URL',
  oracle: 'UPSTREAM_ORACLE_URL',
};

/**
 * Starts the `upstreams` asked for (alert-router in schema alert_router; chain-indexer in schema
 * chain_indexer, with `upstreamEnv['chain-indexer']`) and api-gateway (schema api_gateway, with
 * `gatewayEnv`) on `databaseUrl` and the test stack's Kafka. The gateway's other upstreams point at
 * closed loopback ports, so the status board shows them down; `adminWallet` may sign in as admin.
 */
export async function startServices(options: {
  databaseUrl: string;
  adminWallet: string;
  upstreams: Upstream[];
  upstreamEnv?: Partial<Record<Upstream, Record<string, string>>>;
  gatewayEnv?: Record<string, string>;
}): Promise<ServicesUnderTest> {
  const suffix = randomBytes(3).toString('hex');
  const kafka = process.env['KAFKA_BROKERS'] ?? '';
  const upstreams: Partial<Record<Upstream, ServiceProcess>> = {};
  let gateway: ServiceProcess | undefined;
  const stop = async () => {
    await Promise.all([...Object.values(upstreams), ...(gateway ? [gateway] : [])].map((s) => s.stop()));
  };
  try {
    for (const name of options.upstreams) {
      upstreams[name] = await spawnService(name, {
        DATABASE_URL: options.databaseUrl,
        DATABASE_SCHEMA: name.replace('-', '_'),
        KAFKA_BROKERS: kafka,
        KAFKA_CONSUMER_GROUP_PREFIX: `cli-${name}-${suffix}.`,
        LOG_LEVEL: 'warn',
        ...(name === 'alert-router' ? { ALERT_ROUTER_OUTBOX_RELAY: 'false' } : {}),
        ...options.upstreamEnv?.[name],
      });
    }
    const upstreamUrls: Record<string, string> = {};
    for (const [name, variable] of Object.entries(upstreamUrlVariable)) {
      upstreamUrls[variable] = upstreams[name as Upstream]?.url ?? `http://127.0.0.1:${await freePort()}`;
    }
    gateway = await spawnService('api-gateway', {
      DATABASE_URL: options.databaseUrl,
      DATABASE_SCHEMA: 'api_gateway',
      KAFKA_BROKERS: kafka,
      KAFKA_CONSUMER_GROUP_PREFIX: `cli-gw-${suffix}.`,
      GATEWAY_INSTANCE_ID: `cli-${suffix}`,
      JWT_SECRET: randomBytes(32).toString('hex'),
      SIWE_DOMAIN,
      ADMIN_WALLETS: options.adminWallet,
      UPSTREAM_TIMEOUT_MS: '2000',
      RATE_LIMIT_MAX: '10000',
      LOG_LEVEL: 'warn',
      ...upstreamUrls,
      ...options.gatewayEnv,
    });
    await Promise.all([gateway, ...Object.values(upstreams)].map((s) => waitForReady(s)));
  } catch (error) {
    await stop();
    throw error;
  }
  return { gateway, upstreams, stop };
}
