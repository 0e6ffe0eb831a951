import { type ServiceProcess, spawnService, waitForReady } from '@convergence/service-kit/testing';
import type { TestMarketChain } from './test-market-chain';

export interface OracleProcessOptions {
  databaseUrl: string;
  schema: string;
  groupPrefix: string;
  chain: TestMarketChain;
  /** The fake Messages API; omitted: no API key (fallback only). */
  llmUrl?: string;
  env?: Record<string, string>;
}

/** Environment of an oracle under test: fast polling, short leases, the suite's own contracts. */
export function oracleEnv(options: OracleProcessOptions): Record<string, string> {
  return {
    DATABASE_URL: options.databaseUrl,
    DATABASE_SCHEMA: options.schema,
    KAFKA_BROKERS: process.env['KAFKA_BROKERS'] ?? '',
    KAFKA_CONSUMER_GROUP_PREFIX: options.groupPrefix,
    EVM_RPC_URL: options.chain.rpcUrl,
    EVM_CHAIN_ID: String(options.chain.chainId),
    CONTRACTS_FILE: options.chain.contractsFile,
    ORACLE_PRIVATE_KEY: options.chain.oracleKey,
    // A SIGKILLed member holds its partitions until its session times out: keep restarts quick.
    KAFKA_SESSION_TIMEOUT_MS: '6000',
    CHAIN_POLL_INTERVAL_MS: '200',
    EVM_RECEIPT_POLL_MS: '50',
    SETTLEMENT_POLL_INTERVAL_MS: '100',
    SETTLEMENT_RETRY_BASE_MS: '200',
    SETTLEMENT_LEASE_MS: '2000',
    MONITOR_INTERVAL_MS: '1000',
    ANTHROPIC_API_KEY: options.llmUrl ? 'fake-test-key' : '',
    ANTHROPIC_BASE_URL: options.llmUrl ?? '',
    LLM_TIMEOUT_MS: '5000',
    ...options.env,
  };
}

/** Spawns `apps/oracle` as its own process and waits until it is ready. */
export async function startOracle(options: OracleProcessOptions): Promise<ServiceProcess> {
  const service = await spawnService('oracle', oracleEnv(options));
  await waitForReady(service);
  return service;
}
