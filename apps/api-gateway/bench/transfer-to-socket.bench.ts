// Part of `nx run api-gateway:bench`: the end-to-end time from a TRUST Transfer mined on Hardhat to
// the unlock it completes arriving on a Socket.IO client of the gateway — through the real
// chain-indexer (confirmations 0), Kafka, the unlock-engine (evaluation + outbox relay), Kafka again
// and the gateway's live fan-out. Starts its own Kafka, PostgreSQL and Hardhat. Prints one JSON object.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoTokenAbi } from '@convergence/contracts';
import { startStack } from '@convergence/dev-stack';
import { type ServiceProcess, spawnService, waitForReady } from '@convergence/service-kit/testing';
import { Kafka, logLevel } from 'kafkajs';
import { io } from 'socket.io-client';
import { createPublicClient, createWalletClient, defineChain, http, parseEther } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { bearer, postJson, signIn } from '../src/testing/sign-in';

const TRANSFERS = Number(process.env['BENCH_TRANSFERS'] ?? 50);
const POLL_MS = process.env['BENCH_INDEXER_POLL_MS'] ?? '50';
const OUTBOX_POLL_MS = process.env['BENCH_OUTBOX_POLL_MS'] ?? '20';
const DOMAIN = 'bench.convergence.test';

const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

/** p50 / p99 / max of a list of milliseconds, rounded to 0.1 ms; null for none. */
function summary(values: number[]): { p50: number; p99: number; max: number } | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const round = (x: number) => Number(x.toFixed(1));
  return {
    p50: round(percentile(sorted, 0.5)),
    p99: round(percentile(sorted, 0.99)),
    max: round(sorted[sorted.length - 1]!),
  };
}

/** Wall-clock times of one transfer's way through the system (ms since the epoch). */
interface Stages {
  mined: number;
  /** The chain-indexer produced the Transfer's chain.evm.log.v1 record (Kafka CreateTime). */
  indexed?: number;
  /** `time` of the unlock-engine's unlock.achieved.v1 envelope (created with the outbox row). */
  achieved?: number;
  /** The engine's outbox relay sent it to Kafka (CreateTime). */
  relayed?: number;
  /** A bare read_committed consumer in this process received it (the transaction committed). */
  seen?: number;
  /** The Socket.IO client received unlock.achieved.v1. */
  delivered?: number;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'convergence-gw-e2e-bench-'));
  const stack = await startStack({ rootDir: dir, withHardhat: true, withDemo: false });
  const evm = stack.evm!;
  const suffix = randomBytes(3).toString('hex');
  const common = {
    DATABASE_URL: stack.databaseUrl,
    KAFKA_BROKERS: stack.kafkaBrokers.join(','),
    EVM_RPC_URL: evm.rpcUrl,
    EVM_CHAIN_ID: String(evm.chainId),
    CONTRACTS_FILE: evm.contractsFile,
    LOG_LEVEL: 'warn',
  };
  const admin = privateKeyToAccount(generatePrivateKey());
  const services: ServiceProcess[] = [];
  try {
    services.push(
      await spawnService('chain-indexer', {
        ...common,
        DATABASE_SCHEMA: `ci_${suffix}`,
        EVM_CONFIRMATIONS: '0',
        EVM_POLL_INTERVAL_MS: POLL_MS,
      }),
      await spawnService('unlock-engine', {
        ...common,
        DATABASE_SCHEMA: `ue_${suffix}`,
        UNLOCK_OUTBOX_POLL_MS: OUTBOX_POLL_MS,
        UNLOCK_RECONCILE_INTERVAL_MS: '0',
      }),
    );
    await Promise.all(services.map((s) => waitForReady(s)));
    const gateway = await spawnService('api-gateway', {
      ...common,
      DATABASE_SCHEMA: `gw_${suffix}`,
      JWT_SECRET: randomBytes(32).toString('hex'),
      SIWE_DOMAIN: DOMAIN,
      ADMIN_WALLETS: admin.address,
      UPSTREAM_CHAIN_INDEXER_URL: services[0]!.url,
      UPSTREAM_UNLOCK_ENGINE_URL: services[1]!.url,
    });
    services.push(gateway);
    await waitForReady(gateway);

    const tokens = await signIn(gateway.url, admin, DOMAIN);
    const created = await postJson(
      `${gateway.url}/api/admin/unlocks`,
      {
        id: 'bench-trust-100',
        title: 'Trusted',
        requirements: { tokenBalance: { token: 'TRUST', min: parseEther('100').toString() } },
        ceremony: { steps: [{ kind: 'reveal', text: 'The vault opens' }] },
      },
      bearer(tokens),
    );
    if (created.status !== 201)
      throw new Error(`creating the unlock answered ${created.status}: ${await created.text()}`);

    const chain = defineChain({
      id: evm.chainId,
      name: 'hardhat',
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: { default: { http: [evm.rpcUrl] } },
    });
    const client = createPublicClient({ chain, transport: http(evm.rpcUrl), pollingInterval: 20 });
    const deployer = createWalletClient({
      account: privateKeyToAccount(evm.accounts[0]!),
      chain,
      transport: http(evm.rpcUrl),
    });
    const trust = evm.deployment.contracts.trust.address;
    await client.waitForTransactionReceipt({
      hash: await deployer.writeContract({
        address: trust,
        abi: demoTokenAbi,
        functionName: 'mint',
        args: [deployer.account.address, parseEther(String(100 * (TRANSFERS + 5)))],
      }),
    });

    // Where the time goes: when the chain-indexer produced each Transfer's log record and when the
    // unlock-engine's outbox relay sent each unlock.achieved.v1 (Kafka CreateTime, set by the
    // producer; a log envelope's `time` is the block's, which Hardhat runs ahead of the clock).
    const indexedAt = new Map<string, number>();
    const relayedAt = new Map<string, number>();
    // And when a plain read_committed consumer (this one) saw each unlock: the gateway's consumer
    // and emit add what the socket arrival trails it by.
    const seenAt = new Map<string, number>();
    const kafka = new Kafka({ brokers: stack.kafkaBrokers, logLevel: logLevel.NOTHING });
    const stageReader = kafka.consumer({ groupId: `bench-stage-reader-${suffix}` });
    await stageReader.connect();
    await stageReader.subscribe({ topics: ['chain.evm.log.v1', 'unlock.achieved.v1'], fromBeginning: true });
    await stageReader.run({
      eachMessage: async ({ topic, message }) => {
        const envelope = JSON.parse(message.value?.toString() ?? '{}') as {
          id?: string;
          data?: { txHash?: string; eventName?: string };
        };
        if (topic === 'unlock.achieved.v1' && envelope.id) {
          relayedAt.set(envelope.id, Number(message.timestamp));
          seenAt.set(envelope.id, Date.now());
        } else if (envelope.data?.eventName === 'Transfer' && envelope.data.txHash)
          indexedAt.set(envelope.data.txHash, Number(message.timestamp));
      },
    });

    const socket = io(`${gateway.url}/live`, {
      auth: { token: tokens.accessToken },
      transports: ['websocket'],
      reconnection: false,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const arrivals = new Map<string, (at: number, event: { id: string; time: string }) => void>();
    socket.on('unlock.achieved.v1', (event: { id: string; time: string; data: { wallet: string } }) =>
      arrivals.get(event.data.wallet)?.(Date.now(), event),
    );

    const latencies: number[] = [];
    const stages: (Stages & { txHash: string; eventId: string })[] = [];
    for (let i = 0; i < TRANSFERS; i++) {
      const wallet = privateKeyToAccount(generatePrivateKey()).address.toLowerCase() as `0x${string}`;
      const ack = (await socket.emitWithAck('subscribe', { wallet })) as { ok: boolean };
      if (!ack.ok) throw new Error('subscribe refused');
      const arrived = new Promise<{ at: number; event: { id: string; time: string } }>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no unlock for transfer ${i} within 30 s`)), 30_000);
        arrivals.set(wallet, (at, event) => {
          clearTimeout(timer);
          resolve({ at, event });
        });
      });
      // Hardhat mines on submission (automine): the transfer is in a block when the hash comes back.
      const txHash = await deployer.writeContract({
        address: trust,
        abi: demoTokenAbi,
        functionName: 'transfer',
        args: [wallet, parseEther('100')],
      });
      const minedAt = Date.now();
      const { at, event } = await arrived;
      latencies.push(at - minedAt);
      stages.push({
        txHash,
        eventId: event.id,
        mined: minedAt,
        achieved: Date.parse(event.time),
        delivered: at,
      });
      arrivals.delete(wallet);
    }
    socket.disconnect();
    // The reader may trail the socket by a fetch; give it a moment to see the last records.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await stageReader.disconnect();
    for (const stage of stages) {
      stage.indexed = indexedAt.get(stage.txHash);
      stage.relayed = relayedAt.get(stage.eventId);
      stage.seen = seenAt.get(stage.eventId);
    }
    const complete = stages.filter(
      (x) => x.indexed !== undefined && x.relayed !== undefined && x.seen !== undefined,
    );
    const sorted = [...latencies].sort((a, b) => a - b);
    process.stdout.write(
      `${JSON.stringify(
        {
          bench: 'api-gateway transfer mined -> WebSocket unlock',
          transfers: TRANSFERS,
          confirmations: 0,
          indexerPollMs: Number(POLL_MS),
          outboxPollMs: Number(OUTBOX_POLL_MS),
          node: process.version,
          latencyMs: {
            p50: Number(percentile(sorted, 0.5).toFixed(1)),
            p99: Number(percentile(sorted, 0.99).toFixed(1)),
            min: Number(sorted[0]!.toFixed(1)),
            max: Number(sorted[sorted.length - 1]!.toFixed(1)),
          },
          // Wall-clock stages (same machine, ms): mined -> the indexer's log record produced (head
          // poll, getLogs, decode) -> the engine's unlock.achieved.v1 envelope created (Kafka
          // delivery, evaluation) -> the outbox relay sends it (commit, relay poll, claim) -> a
          // bare read_committed consumer reads it (the Kafka transaction commits) -> the socket
          // (what the gateway's consumer and Socket.IO emit add; can be < 0 when it wins the race).
          stagesMs: {
            transfersWithAllStages: complete.length,
            minedToIndexed: summary(complete.map((x) => x.indexed! - x.mined)),
            indexedToAchieved: summary(complete.map((x) => x.achieved! - x.indexed!)),
            achievedToRelayed: summary(complete.map((x) => x.relayed! - x.achieved!)),
            relayedToCommittedRead: summary(complete.map((x) => x.seen! - x.relayed!)),
            committedReadToSocket: summary(complete.map((x) => x.delivered! - x.seen!)),
          },
        },
        null,
        2,
      )}\n`,
    );
  } catch (error) {
    for (const s of services) process.stderr.write(`service output:\n${s.output().slice(-2_000)}\n`);
    throw error;
  } finally {
    for (const s of services.reverse()) await s.stop();
    await stack.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
