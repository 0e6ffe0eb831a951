// `nx run unlock-engine:bench`: the engine end to end on real Kafka and PostgreSQL (started here).
// Per run: 100,000 ERC-20 Transfer logs (TRUST/TALLY/VOUCHER) among 10,000 wallets are published to
// chain.evm.log.v1, then the engine (AppModule, in this process, listening on a free port) consumes
// them with 20 unlock definitions active; events/s counts logs whose projection, evaluation and
// outbox rows committed. `sql` is the evidence: statements per Kafka batch and their time by kind.
// Once the relay has published everything, eligibility latency over random wallets, in-service
// (EligibilityService) and over HTTP (GET /eligibility/:address). Prints JSON.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import { ProblemDetailsFilter } from '@convergence/service-kit';
import { METRICS_REGISTRY } from '@convergence/telemetry';
import { startStack } from '@convergence/dev-stack';
import { EventProducer, MessagingMetrics, createKafkaClient, ensureTopics } from '@convergence/messaging';
import { createEnvelope, topics } from '@convergence/schemas';
import { Client } from 'pg';
import { Registry } from 'prom-client';
import { AppModule } from '../src/app.module';
import { envSchema } from '../src/config/env';
import { EligibilityService } from '../src/eligibility/eligibility.service';
import { EvmLogBatchProcessor } from '../src/chain-events/evm-log-batch.processor';
import { UnlockDefinitionsService } from '../src/unlocks/unlock-definitions.service';
import { benchDeployment, benchTransfers, benchUnlocks } from './bench-workload';
import { type QueryCounts, countQueries } from './query-counter';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 100_000);
const WALLETS = Number(process.env['BENCH_WALLETS'] ?? 10_000);
const ELIGIBILITY_SAMPLES = Number(process.env['BENCH_ELIGIBILITY_SAMPLES'] ?? 2_000);
// `false` measures without profile.updated.v1 (one more outbox row per changed wallet and batch).
const PROFILE_UPDATES = process.env['BENCH_PROFILE_UPDATES'] ?? 'true';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const round = (n: number, digits = 3) => Number(n.toFixed(digits));
// The bench's own polling client is not the engine's work.
const benchClients = new Set<Client>();
const queries = countQueries(benchClients);

interface RunResult {
  eventsPerSecond: number;
  eventsPerSecondFromEngineStart: number;
  seconds: number;
  achievements: number;
  sql: ReturnType<typeof sqlEvidence>;
  stagesMsPerBatch: Record<string, number>;
  outboxDrainedSeconds: number;
  eligibilityP50Ms: number;
  eligibilityP99Ms: number;
  httpEligibilityP50Ms: number;
  httpEligibilityP99Ms: number;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'convergence-unlock-bench-'));
  const stack = await startStack({ rootDir: dir, withHardhat: false });
  const contractsFile = join(dir, 'contracts.json');
  const deployment = benchDeployment();
  await writeFile(contractsFile, JSON.stringify(deployment));
  const kafka = createKafkaClient({
    serviceName: 'bench',
    brokers: stack.kafkaBrokers,
    topicPartitions: 1,
    replicationFactor: 1,
  });
  const producer = new EventProducer(kafka, new MessagingMetrics(new Registry()));
  const names = [topics.chainEvmLog.name, topics.chainEvmReorg.name];
  await ensureTopics(kafka, [...names, ...names.map((n) => `${n}.dlq`)], {
    partitions: 1,
    replicationFactor: 1,
  });
  const runs: RunResult[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      runs.push(
        await benchRun(
          run,
          stack.databaseUrl,
          stack.kafkaBrokers,
          contractsFile,
          deployment,
          producer,
          kafka,
        ),
      );
    }
  } finally {
    await producer.disconnect();
    await stack.stop();
    await rm(dir, { recursive: true, force: true });
  }
  const pick = <K extends keyof RunResult>(key: K) => runs.map((r) => r[key]);
  process.stdout.write(
    `${JSON.stringify(
      {
        bench: 'unlock-engine',
        events: EVENTS,
        wallets: WALLETS,
        unlockDefinitions: benchUnlocks().length,
        profileUpdates: PROFILE_UPDATES,
        runs: RUNS,
        node: process.version,
        eventsPerSecond: { median: median(pick('eventsPerSecond')), runs: pick('eventsPerSecond') },
        eventsPerSecondFromEngineStart: {
          median: median(pick('eventsPerSecondFromEngineStart')),
          runs: pick('eventsPerSecondFromEngineStart'),
        },
        achievementsPerRun: pick('achievements'),
        stagesMsPerBatchPerRun: pick('stagesMsPerBatch'),
        sqlPerRun: pick('sql'),
        outboxDrainedSecondsAfterIngest: pick('outboxDrainedSeconds'),
        eligibilityMs: {
          samplesPerRun: ELIGIBILITY_SAMPLES,
          p50: { median: median(pick('eligibilityP50Ms')), runs: pick('eligibilityP50Ms') },
          p99: { median: median(pick('eligibilityP99Ms')), runs: pick('eligibilityP99Ms') },
        },
        httpEligibilityMs: {
          samplesPerRun: ELIGIBILITY_SAMPLES,
          p50: { median: median(pick('httpEligibilityP50Ms')), runs: pick('httpEligibilityP50Ms') },
          p99: { median: median(pick('httpEligibilityP99Ms')), runs: pick('httpEligibilityP99Ms') },
        },
        goals: { eventsPerSecond: 10_000, eligibilityP99Ms: 5 },
      },
      null,
      2,
    )}\n`,
  );
}

async function benchRun(
  run: number,
  databaseUrl: string,
  brokers: string[],
  contractsFile: string,
  deployment: ReturnType<typeof benchDeployment>,
  producer: EventProducer,
  kafka: ReturnType<typeof createKafkaClient>,
): Promise<RunResult> {
  const suffix = randomBytes(3).toString('hex');
  const schema = `bench_${suffix}`;
  const groupPrefix = `bench-${suffix}.`;
  // The new group starts at the end of the topic: only this run's events count.
  const admin = kafka.admin();
  await admin.connect();
  for (const topic of [topics.chainEvmLog.name, topics.chainEvmReorg.name]) {
    await admin.setOffsets({
      groupId: `${groupPrefix}unlock-engine.chain`,
      topic,
      partitions: (await retried(() => admin.fetchTopicOffsets(topic))).map((p) => ({
        partition: p.partition,
        offset: p.high,
      })),
    });
  }
  await admin.disconnect();

  const env = envSchema.parse({
    DATABASE_URL: databaseUrl,
    DATABASE_SCHEMA: schema,
    DATABASE_POOL_MAX: '10',
    KAFKA_BROKERS: brokers.join(','),
    KAFKA_CONSUMER_GROUP_PREFIX: groupPrefix,
    KAFKA_TOPIC_PARTITIONS: '1',
    CONTRACTS_FILE: contractsFile,
    EVM_CHAIN_ID: String(deployment.chainId),
    LOG_LEVEL: 'warn',
    UNLOCK_RECONCILE_INTERVAL_MS: '0',
    UNLOCK_PROFILE_UPDATES_ENABLED: PROFILE_UPDATES,
  });
  const db = new Client({ connectionString: databaseUrl });
  benchClients.add(db);
  await db.connect();
  // The definitions first, with their (empty) re-evaluations finished, in an engine that then stops.
  const setup = await NestFactory.createApplicationContext(AppModule.register(env), { logger: ['error'] });
  try {
    const definitions = setup.get(UnlockDefinitionsService);
    for (const unlock of benchUnlocks()) await definitions.create(unlock);
    for (;;) {
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${schema}".reevaluation_jobs WHERE status <> 'done'`,
      );
      if (rows[0]!.n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await setup.close();
  }
  // The events are on the topic before the engine starts: the harness does not compete for CPU.
  const envelopes = benchTransfers(deployment, EVENTS, WALLETS, run).map((data) =>
    createEnvelope(topics.chainEvmLog, {
      id: `${data.chainId}:${data.blockHash}:${data.logIndex}`,
      source: 'bench',
      time: new Date(data.blockTime),
      data,
    }),
  );
  await producer.publish(topics.chainEvmLog, envelopes);
  envelopes.length = 0;

  queries.reset();
  const engineStarted = performance.now();
  const app = await NestFactory.create(AppModule.register(env), { logger: ['error'] });
  app.useGlobalFilters(new ProblemDetailsFilter());
  await app.listen(0, '127.0.0.1');
  try {
    // Every batch's statements are counted and timed (the consumer calls the processor per batch).
    const processor = app.get(EvmLogBatchProcessor);
    const apply = processor.apply.bind(processor);
    processor.apply = (envelopes) => queries.measure(() => apply(envelopes));
    let firstSeen: { at: number; count: number } | undefined;
    let count = 0;
    while (count < EVENTS) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${schema}".chain_events`,
      );
      count = rows[0]!.n;
      if (count > 0 && firstSeen === undefined) firstSeen = { at: performance.now(), count };
    }
    const done = performance.now();
    const sql = sqlEvidence(queries.counts());
    const stagesMsPerBatch = await stagesOf(app.get<Registry>(METRICS_REGISTRY));
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${schema}".achievements`);
    // Eligibility is measured in steady state: once the relay has published every achievement.
    for (;;) {
      const pending = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${schema}".outbox WHERE published_at IS NULL`,
      );
      if (pending.rows[0]!.n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const outboxDrainedSeconds = (performance.now() - done) / 1000;
    const eligibility = app.get(EligibilityService);
    const inService = await sampleLatency(run, (wallet) => eligibility.eligibilityOf(wallet));
    const base = `http://127.0.0.1:${((app.getHttpServer() as Server).address() as AddressInfo).port}`;
    const overHttp = await sampleLatency(run, async (wallet) => {
      const response = await fetch(`${base}/eligibility/${wallet}`);
      if (response.status !== 200) throw new Error(`GET /eligibility answered ${response.status}`);
      await response.arrayBuffer();
    });
    const seconds = (done - firstSeen!.at) / 1000;
    return {
      eventsPerSecond: Math.round((EVENTS - firstSeen!.count) / seconds),
      eventsPerSecondFromEngineStart: Math.round(EVENTS / ((done - engineStarted) / 1000)),
      seconds: round(seconds, 2),
      achievements: rows[0]!.n,
      sql,
      stagesMsPerBatch,
      outboxDrainedSeconds: round(outboxDrainedSeconds, 2),
      eligibilityP50Ms: round(percentile(inService, 50)),
      eligibilityP99Ms: round(percentile(inService, 99)),
      httpEligibilityP50Ms: round(percentile(overHttp, 50)),
      httpEligibilityP99Ms: round(percentile(overHttp, 99)),
    };
  } finally {
    await app.close();
    await db.end();
  }
}

/** Latency of one eligibility answer for random wallets, one at a time, after 200 warm-up calls. */
async function sampleLatency(run: number, ask: (wallet: string) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < 200 + ELIGIBILITY_SAMPLES; i++) {
    const wallet = walletOf(Math.floor(Math.random() * WALLETS), run);
    const started = performance.now();
    await ask(wallet);
    if (i >= 200) samples.push(performance.now() - started);
  }
  return samples;
}

/** Statements per applied batch, and how much of a batch's time its SQL round trips take, by kind. */
function sqlEvidence(counts: QueryCounts) {
  const batches = Math.max(1, counts.calls);
  return {
    batches: counts.calls,
    msPerBatch: round(counts.callMs / batches, 1),
    statementsPerBatch: round(counts.inside / batches, 1),
    sqlMsPerBatch: round(Object.values(counts.byKind).reduce((sum, s) => sum + s.ms, 0) / batches, 1),
    byKind: Object.fromEntries(
      Object.entries(counts.byKind).map(([kind, s]) => [
        kind,
        { perBatch: round(s.count / batches, 1), msPerBatch: round(s.ms / batches, 1) },
      ]),
    ),
    statementsOutsideBatches: counts.outside,
  };
}

/** Mean milliseconds per EVM log batch in each stage (`unlock_engine_batch_stage_duration_seconds`). */
async function stagesOf(registry: Registry): Promise<Record<string, number>> {
  const metric = registry.getSingleMetric('unlock_engine_batch_stage_duration_seconds');
  if (metric === undefined) return {};
  const { values } = await metric.get();
  const sums = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const { labels, value, ...rest } of values) {
    const metricName = (rest as { metricName?: string }).metricName;
    const stage = String(labels['stage']);
    if (metricName?.endsWith('_sum')) sums.set(stage, value);
    if (metricName?.endsWith('_count')) counts.set(stage, value);
  }
  return Object.fromEntries(
    [...sums].map(([stage, sum]) => [stage, round((sum * 1000) / Math.max(1, counts.get(stage) ?? 0), 1)]),
  );
}

// A fresh single-node broker may answer "not the leader" for a moment after creating a topic.
async function retried<T>(work: () => Promise<T>, attempts = 20): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

function walletOf(index: number, run: number): string {
  return `0x${run.toString(16).padStart(2, '0')}${index.toString(16).padStart(38, '0')}`;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
