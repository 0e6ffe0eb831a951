import { randomBytes } from 'node:crypto';
import { createWorkerDatabase } from '@convergence/dev-stack';
import { createKafkaClient } from '@convergence/messaging';
import { readTopicUntil } from '@convergence/messaging/testing';
import { type Envelope, type TopicData, parseEnvelope, topics } from '@convergence/schemas';
import { spawnService, waitForReady, type ServiceProcess } from '@convergence/service-kit/testing';
import {
  SolanaLedger,
  SplTokenActions,
  startSolanaRpcShim,
  type SolanaRpcShim,
} from '@convergence/solana-rpc-shim';
import { Connection, Keypair, LAMPORTS_PER_SOL } from '@solana/web3.js';
import type { Kafka } from 'kafkajs';

export type SolanaTxEnvelope = Envelope<TopicData<typeof topics.chainSolanaTx>>;
export type RawAlertEnvelope = Envelope<TopicData<typeof topics.alertsRaw>>;

export const TOKEN_PROGRAM = 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA';

/**
 * One Solana cluster for an integration test: a litesvm ledger served by three shim endpoints on
 * loopback — the indexer's primary and backup (each with its own faults and request log) and one
 * the test's own client sends real SPL transactions through — plus the spawned chain-indexer
 * process reading it, and readers of what it put on the real Kafka, filtered to this cluster.
 */
export interface SolanaScenario {
  readonly cluster: string;
  readonly ledger: SolanaLedger;
  readonly primary: SolanaRpcShim;
  readonly backup: SolanaRpcShim;
  readonly connection: Connection;
  readonly tokens: SplTokenActions;
  /** Starts chain-indexer watching `programs` (default: the SPL Token program at `confirmed`, from the start). */
  startIndexer(env?: Record<string, string>, programs?: unknown[]): Promise<ServiceProcess>;
  /** This cluster's chain.solana.tx.v1 envelopes, read from the beginning until `done`. */
  events(done: (events: SolanaTxEnvelope[]) => boolean, timeoutMs?: number): Promise<SolanaTxEnvelope[]>;
  /** This cluster's alerts on alerts.raw.v1, read from the beginning until `done`. */
  alerts(done: (alerts: RawAlertEnvelope[]) => boolean, timeoutMs?: number): Promise<RawAlertEnvelope[]>;
  close(): Promise<void>;
}

export async function startSolanaScenario(options: { finalityDepth?: number } = {}): Promise<SolanaScenario> {
  const cluster = `t-${randomBytes(4).toString('hex')}`;
  const schema = `sol_${randomBytes(4).toString('hex')}`;
  const databaseUrl = await createWorkerDatabase();
  const ledger = new SolanaLedger({ finalityDepth: options.finalityDepth ?? 32 });
  const [primary, backup, client] = await Promise.all([
    startSolanaRpcShim({ ledger }),
    startSolanaRpcShim({ ledger }),
    startSolanaRpcShim({ ledger }),
  ]);
  const connection = new Connection(client.url, { commitment: 'confirmed', disableRetryOnRateLimit: true });
  const payer = Keypair.generate();
  await connection.requestAirdrop(payer.publicKey, 100 * LAMPORTS_PER_SOL);
  const kafka: Kafka = createKafkaClient({
    serviceName: 'solana-scenario',
    brokers: (process.env['KAFKA_BROKERS'] ?? '').split(','),
    topicPartitions: 3,
    replicationFactor: 1,
  });
  const services: ServiceProcess[] = [];

  const readCluster = async <T>(
    topicName: string,
    parse: (value: Buffer | null) => T | undefined,
    done: (items: T[]) => boolean,
    timeoutMs: number,
  ): Promise<T[]> => {
    let items: T[] = [];
    await readTopicUntil(
      kafka,
      topicName,
      (messages) => {
        items = messages.flatMap(({ message }) => {
          const item = parse(message.value);
          return item === undefined ? [] : [item];
        });
        return done(items);
      },
      timeoutMs,
    );
    return items;
  };

  return {
    cluster,
    ledger,
    primary,
    backup,
    connection,
    tokens: new SplTokenActions(connection, payer),
    async startIndexer(
      env = {},
      programs = [{ name: 'spl-token', programId: TOKEN_PROGRAM, commitment: 'confirmed' }],
    ) {
      const service = await spawnService('chain-indexer', {
        DATABASE_URL: databaseUrl,
        DATABASE_SCHEMA: schema,
        KAFKA_BROKERS: process.env['KAFKA_BROKERS'] ?? '',
        KAFKA_CONSUMER_GROUP_PREFIX: `${cluster}.`,
        LOG_LEVEL: 'warn',
        SOLANA_CLUSTER: cluster,
        SOLANA_RPC_URLS: `${primary.url},${backup.url}`,
        SOLANA_PROGRAMS: JSON.stringify(programs),
        SOLANA_POLL_INTERVAL_MS: '100',
        ...env,
      });
      services.push(service);
      await waitForReady(service);
      return service;
    },
    events: (done, timeoutMs = 60_000) =>
      readCluster(
        topics.chainSolanaTx.name,
        (value) => {
          const envelope = parseEnvelope(topics.chainSolanaTx, value);
          return envelope.data.cluster === cluster ? envelope : undefined;
        },
        done,
        timeoutMs,
      ),
    alerts: (done, timeoutMs = 60_000) =>
      readCluster(
        topics.alertsRaw.name,
        (value) => {
          const envelope = parseEnvelope(topics.alertsRaw, value);
          return envelope.data.labels['cluster'] === cluster ? envelope : undefined;
        },
        done,
        timeoutMs,
      ),
    async close() {
      await Promise.all(services.map((s) => s.stop()));
      await Promise.all([primary.close(), backup.close(), client.close()]);
    },
  };
}
