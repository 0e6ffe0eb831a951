import { randomBytes } from 'node:crypto';
import { EventProducer, MessagingMetrics, createKafkaClient, ensureTopics } from '@convergence/messaging';
import { topics } from '@convergence/schemas';
import { openServiceDataSource, serviceDataSourceOptions } from '@convergence/service-kit';
import { createLogger } from '@convergence/telemetry';
import type { Kafka } from 'kafkajs';
import { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { ChainConfig } from '../chains/chain-config.model';
import { CheckpointStore } from '../checkpoints/checkpoint.store';
import {
  type ChainRuntime,
  type ChainRuntimeDeps,
  createChainRuntime,
} from '../indexing/chain-runtime.factory';
import { ChainIndexerMetrics } from '../metrics/chain-indexer.metrics';
import { entities, migrations } from '../migrations';
import { AlertPublisher } from '../publishing/alert.publisher';
import { EvmLogPublisher } from '../publishing/evm-log.publisher';
import { EvmReorgPublisher } from '../publishing/evm-reorg.publisher';

/** The service's real parts (Postgres schema, Kafka producer, publishers) without Nest, for in-process tests. */
export interface IndexerHarness {
  readonly kafka: Kafka;
  readonly dataSource: DataSource;
  readonly store: CheckpointStore;
  readonly metrics: ChainIndexerMetrics;
  readonly registry: Registry;
  /** A chain's runtime over these parts; `options` override the test defaults. */
  runtime(chain: ChainConfig, options?: Partial<ChainRuntimeDeps['options']>): ChainRuntime;
  close(): Promise<void>;
}

/** Opens a fresh schema in `databaseUrl` with the service's migrations and a producer on the test Kafka. */
export async function openIndexerHarness(databaseUrl: string): Promise<IndexerHarness> {
  const schema = `ci_${randomBytes(4).toString('hex')}`;
  const dataSource = await openServiceDataSource(
    serviceDataSourceOptions({
      url: databaseUrl,
      schema,
      serviceName: 'chain-indexer',
      entities,
      migrations,
      poolMax: 4,
    }),
  );
  const kafka = createKafkaClient({
    serviceName: 'chain-indexer-test',
    brokers: (process.env['KAFKA_BROKERS'] ?? '').split(','),
    topicPartitions: 3,
    replicationFactor: 1,
  });
  await ensureTopics(kafka, [topics.chainEvmLog.name, topics.chainEvmReorg.name, topics.alertsRaw.name], {
    partitions: 3,
    replicationFactor: 1,
  });
  const registry = new Registry();
  const producer = new EventProducer(kafka, new MessagingMetrics(registry));
  const store = new CheckpointStore(dataSource);
  const metrics = new ChainIndexerMetrics(registry);
  const logger = createLogger({ serviceName: 'chain-indexer', level: 'warn' });
  return {
    kafka,
    dataSource,
    store,
    metrics,
    registry,
    runtime: (chain, options) =>
      createChainRuntime(chain, {
        store,
        logs: new EvmLogPublisher(producer),
        reorgs: new EvmReorgPublisher(producer),
        alerts: new AlertPublisher(producer),
        metrics,
        logger,
        clock: () => new Date(),
        options: {
          pollIntervalMs: 50,
          concurrency: 4,
          maxAddressesPerCall: 100,
          // Small on purpose: backfills publish and commit in several parts (cut between blocks), and
          // every "equals a fresh index" assertion then also covers the cuts.
          maxBatchLogs: 25,
          rpcTimeoutMs: 2_000,
          probeIntervalMs: 200,
          ...options,
        },
      }),
    async close() {
      await producer.disconnect();
      await dataSource.destroy();
    },
  };
}

/**
 * A one-chain config for tests: the given RPC URLs and every address as a TransferBurst source.
 *
 * @example
 * burstChain({ rpcUrls: [chain.rpcUrl], addresses: [burst.address], finalityDepth: 5 })
 */
export function burstChain(options: {
  chainId?: number;
  rpcUrls: string[];
  addresses: { address: `0x${string}`; startBlock?: bigint }[];
  finalityDepth?: number;
  confirmations?: number;
}): ChainConfig {
  return {
    chainId: options.chainId ?? 31337,
    name: 'hardhat',
    rpcUrls: options.rpcUrls,
    confirmations: options.confirmations ?? 0,
    finalityDepth: options.finalityDepth ?? 5,
    sources: [
      {
        contract: 'TransferBurst',
        addresses: options.addresses.map((a) => ({ address: a.address, startBlock: a.startBlock ?? 0n })),
      },
    ],
  };
}
