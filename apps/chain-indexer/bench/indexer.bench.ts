// `nx run chain-indexer:bench`: the EVM indexer against a local Hardhat node, real Kafka and
// PostgreSQL (started here): backfill throughput of ≥ 200,000 Transfer logs (counted once Kafka
// acknowledged them and the checkpoint is committed; median of BENCH_RUNS runs) with peak RSS and the
// indexer's CPU time per log, then block-mined → Kafka-ack latency at the head with confirmations 0.
// Prints JSON. BENCH_TXS × BENCH_LOGS_PER_TX logs (one transaction per block), e.g. BENCH_TXS=20
// BENCH_RUNS=1 for a quick run.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { transferBurstAbi } from '@convergence/contracts';
import { startStack } from '@convergence/dev-stack';
import { EventProducer, MessagingMetrics, createKafkaClient, ensureTopics } from '@convergence/messaging';
import { topics } from '@convergence/schemas';
import { openServiceDataSource, serviceDataSourceOptions } from '@convergence/service-kit';
import { createLogger } from '@convergence/telemetry';
import { Registry } from 'prom-client';
import { createWalletClient, defineChain, http } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { ChainConfig } from '../src/chains/chain-config.model';
import { CheckpointStore } from '../src/checkpoints/checkpoint.store';
import type { EvmLogData } from '../src/decoding/evm-log-data.util';
import { createChainRuntime } from '../src/indexing/chain-runtime.factory';
import { entities, migrations } from '../src/migrations';
import { AlertPublisher } from '../src/publishing/alert.publisher';
import { EvmLogPublisher } from '../src/publishing/evm-log.publisher';
import { EvmReorgPublisher } from '../src/publishing/evm-reorg.publisher';
import { emitTransferBursts } from './transfer-burst.fixture';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const LOGS_PER_TX = Number(process.env['BENCH_LOGS_PER_TX'] ?? 1_000);
const TXS = Number(process.env['BENCH_TXS'] ?? 200);
const LATENCY_SAMPLES = Number(process.env['BENCH_LATENCY_SAMPLES'] ?? 100);
const POLL_INTERVAL_MS = Number(process.env['BENCH_POLL_INTERVAL_MS'] ?? 50);
/** A file to write a V8 CPU profile of the backfill runs to (open it in Chrome DevTools). */
const CPU_PROFILE = process.env['BENCH_CPU_PROFILE'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.ceil((p / 100) * xs.length) - 1]!;

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'chain-indexer-bench-'));
  const stack = await startStack({ rootDir: dir, withHardhat: true });
  // Ctrl-C must not leave Kafka, Postgres and Hardhat running.
  const stopOnSignal = () => void stack.stop().finally(() => process.exit(130));
  process.once('SIGINT', stopOnSignal).once('SIGTERM', stopOnSignal);
  try {
    const evm = stack.evm!;
    const chain = defineChain({
      id: evm.chainId,
      name: 'bench',
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: { default: { http: [evm.rpcUrl] } },
    });
    const bursts = await emitTransferBursts(chain, evm.rpcUrl, evm.accounts[1]!, {
      txs: TXS,
      logsPerTx: LOGS_PER_TX,
    });
    const { address, lastBlock } = bursts;
    const totalLogs = bursts.logs;

    const kafka = createKafkaClient({
      serviceName: 'chain-indexer-bench',
      brokers: stack.kafkaBrokers,
      topicPartitions: 1,
      replicationFactor: 1,
    });
    await ensureTopics(kafka, [topics.chainEvmLog.name, topics.chainEvmReorg.name, topics.alertsRaw.name], {
      partitions: 1,
      replicationFactor: 1,
    });
    const registry = new Registry();
    const producer = new EventProducer(kafka, new MessagingMetrics(registry));
    const logger = createLogger({ serviceName: 'chain-indexer', level: 'warn' });
    const config: ChainConfig = {
      chainId: evm.chainId,
      name: 'bench',
      rpcUrls: [evm.rpcUrl],
      confirmations: 0,
      finalityDepth: 12,
      sources: [{ contract: 'TransferBurst', addresses: [{ address, startBlock: bursts.deployBlock }] }],
    };
    const acked = new Map<string, number>();
    let publishedTransfers = 0;
    const publisher = new EvmLogPublisher(producer);
    const logs = {
      async publish(batch: EvmLogData[]) {
        await publisher.publish(batch);
        const now = performance.now();
        // The contract's deployment logs (RoleGranted) go out too; the figure is about the Transfers.
        publishedTransfers += batch.filter((log) => log.eventName === 'Transfer').length;
        for (const log of batch) if (!acked.has(log.txHash)) acked.set(log.txHash, now);
      },
    };
    const runtimeOf = async () => {
      const dataSource = await openServiceDataSource(
        serviceDataSourceOptions({
          url: stack.databaseUrl,
          schema: `bench_${randomBytes(3).toString('hex')}`,
          serviceName: 'chain-indexer',
          entities,
          migrations,
          poolMax: 4,
        }),
      );
      const runtime = createChainRuntime(config, {
        store: new CheckpointStore(dataSource),
        logs,
        reorgs: new EvmReorgPublisher(producer),
        alerts: new AlertPublisher(producer),
        logger,
        clock: () => new Date(),
        options: {
          pollIntervalMs: POLL_INTERVAL_MS,
          concurrency: 4,
          maxAddressesPerCall: 100,
          rpcTimeoutMs: 10_000,
        },
      });
      return { runtime, dataSource };
    };
    const waitIndexed = async (runtime: Awaited<ReturnType<typeof runtimeOf>>['runtime'], block: bigint) => {
      while ((runtime.indexer.progress().indexedBlock ?? -1n) < block)
        await new Promise((r) => setTimeout(r, 5));
    };

    // The idempotent producer's first send waits for Kafka's coordinator to load on a fresh broker: not the indexer's time.
    const warmUp = `bench.warmup.t${randomBytes(3).toString('hex')}.v1`;
    await ensureTopics(kafka, [warmUp], { partitions: 1, replicationFactor: 1 });
    await producer.sendRaw(warmUp, [{ value: 'warm-up' }]);
    const rates: number[] = [];
    const cpuUsPerLog: number[] = [];
    const loadBefore = loadavg()[0]!;
    const profiler = CPU_PROFILE ? await startCpuProfile() : undefined;
    for (let run = 0; run < RUNS; run++) {
      const { runtime, dataSource } = await runtimeOf();
      publishedTransfers = 0;
      const cpu = process.cpuUsage();
      const started = performance.now();
      runtime.indexer.start();
      await waitIndexed(runtime, lastBlock);
      const seconds = (performance.now() - started) / 1_000;
      const used = process.cpuUsage(cpu);
      // The run counts only if every log went out (a fresh checkpoint schema per run: no resume).
      if (publishedTransfers !== totalLogs) {
        throw new Error(`run ${run} published ${publishedTransfers} of ${totalLogs} Transfer logs`);
      }
      rates.push(Math.round(totalLogs / seconds));
      cpuUsPerLog.push(Number(((used.user + used.system) / totalLogs).toFixed(1)));
      await runtime.indexer.stop();
      await dataSource.destroy();
    }
    const loadAfterBackfill = loadavg()[0]!;
    if (profiler && CPU_PROFILE) await profiler.stopInto(CPU_PROFILE);

    // Latency: one burst at a time at the head; mined (automine: the send returns once the block is mined) → acked.
    const account = privateKeyToAccount(evm.accounts[1]!);
    const wallet = createWalletClient({ account, chain, transport: http(evm.rpcUrl, { retryCount: 0 }) });
    const burst = (count: number, value: bigint) =>
      wallet.writeContract({
        address,
        abi: transferBurstAbi,
        functionName: 'burst',
        args: [account.address, address, BigInt(count), value],
        gas: 1_000_000n,
      });
    const { runtime, dataSource } = await runtimeOf();
    runtime.indexer.start();
    await waitIndexed(runtime, lastBlock);
    acked.clear();
    const latencies: number[] = [];
    for (let i = 0; i < LATENCY_SAMPLES; i++) {
      const hash = await burst(10, BigInt(10_000_000 + i * 10));
      const mined = performance.now();
      while (!acked.has(hash)) await new Promise((r) => setTimeout(r, 1));
      latencies.push(acked.get(hash)! - mined);
      await new Promise((r) => setTimeout(r, 20 + (i % 7) * 11));
    }
    await runtime.indexer.stop();
    await dataSource.destroy();
    await producer.disconnect();

    process.stdout.write(
      `${JSON.stringify(
        {
          bench: 'chain-indexer EVM backfill and head latency',
          node: process.version,
          machine: {
            cpus: availableParallelism(),
            loadAverage1m: { before: loadBefore, afterBackfill: loadAfterBackfill },
          },
          setup: { logs: totalLogs, seconds: Number(bursts.seconds.toFixed(1)) },
          backfill: {
            logs: totalLogs,
            blocks: TXS,
            logsPerBlock: LOGS_PER_TX,
            runs: rates,
            medianLogsPerSecond: median(rates),
            // The indexer's own CPU (this process, all threads) per log: less sensitive to other load than logs/s.
            cpuMicrosecondsPerLog: cpuUsPerLog,
            peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
          },
          headLatency: {
            samples: latencies.length,
            confirmations: 0,
            pollIntervalMs: POLL_INTERVAL_MS,
            p50Ms: Math.round(percentile(latencies, 50)),
            p99Ms: Math.round(percentile(latencies, 99)),
          },
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await stack.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

async function startCpuProfile(): Promise<{ stopInto(file: string): Promise<void> }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stopInto(file) {
      const { profile } = await session.post('Profiler.stop');
      await writeFile(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
