// `nx run alert-router:bench`: alerts/s ingested through POST /api/v2/alerts (10,000 distinct alerts
// in 500 groups) and the latency from each group's flush moment to the receiver's HTTP request
// (a webhook receiver on loopback, in a child process). Runs the real AppModule on real time against
// real PostgreSQL and Kafka (KAFKA_BROKERS / DATABASE_URL when set, otherwise a local stack).
// Prints JSON.
//
// A group's flush moment is when it was due (its creation + group_wait, as the dispatcher armed
// it), not when the router got round to it; the arrival is when the receiver process saw the
// request's headers. Both are read from the system realtime clock (`Date` / `Date.now()`, ms).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { startStack } from '@convergence/dev-stack';
import { ProblemDetailsFilter } from '@convergence/service-kit';
import { AppModule } from '../src/app.module';
import { envSchema } from '../src/config/env';
import { DispatcherService } from '../src/dispatcher/dispatcher.service';
import { startReceiverProcess } from './receiver-process';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const ALERTS = Number(process.env['BENCH_ALERTS'] ?? 10_000);
const GROUPS = Number(process.env['BENCH_GROUPS'] ?? 500);
const BATCH = Number(process.env['BENCH_BATCH'] ?? 100);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 8);
// Long enough that every group is created before the first flush, so ingest and flush are measured apart.
const GROUP_WAIT_S = Number(process.env['BENCH_GROUP_WAIT_S'] ?? 30);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'alert-router-bench-'));
  const stack = await startStack({ rootDir: dir, withHardhat: false });
  const sink = await startReceiverProcess();
  const configFile = join(dir, 'alert-router.yml');
  await writeFile(
    configFile,
    `route:
  receiver: bench
  group_by: [alertname, group, run]
  group_wait: ${GROUP_WAIT_S}s
  group_interval: 5m
  repeat_interval: 4h
receivers:
  - name: bench
    webhook_configs: [{ url: '${sink.url}/bench' }]
`,
  );
  const env = envSchema.parse({
    DATABASE_URL: stack.databaseUrl,
    DATABASE_SCHEMA: `bench_${randomBytes(3).toString('hex')}`,
    KAFKA_BROKERS: stack.kafkaBrokers.join(','),
    KAFKA_CONSUMER_GROUP_PREFIX: `bench-${randomBytes(3).toString('hex')}.`,
    LOG_LEVEL: 'warn',
    DATABASE_POOL_MAX: '20',
    ALERT_ROUTER_CONFIG_FILE: configFile,
  });
  const app = await NestFactory.create(AppModule.register(env), { logger: ['error', 'warn'] });
  app.useGlobalFilters(new ProblemDetailsFilter());
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');

  // Flush moments (epoch ms) by group key; the receiver reports arrivals in the same clock.
  const dueAt = new Map<string, number>();
  app.get(DispatcherService).onFlushStart((groupKey, due) => dueAt.set(groupKey, due.getTime()));

  const rounds: {
    alertsPerSecond: number;
    p50Ms: number;
    p99Ms: number;
    maxMs: number;
    notified: number;
    dueSpreadMs: number;
    burstCpuMs: number;
  }[] = [];
  try {
    for (let r = 0; r < ROUNDS; r++) {
      dueAt.clear();
      await sink.take();
      const run = randomBytes(3).toString('hex');
      const alerts = Array.from({ length: ALERTS }, (_, i) => ({
        labels: { alertname: 'BenchAlert', group: `g${i % GROUPS}`, instance: `i${i}`, run },
        annotations: { summary: `bench alert ${i}` },
      }));
      const batches = Array.from({ length: Math.ceil(ALERTS / BATCH) }, (_, i) =>
        JSON.stringify(alerts.slice(i * BATCH, (i + 1) * BATCH)),
      );
      const started = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < batches.length) {
            const body = batches[next++]!;
            const response = await fetch(`${url}/api/v2/alerts`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body,
            });
            if (response.status !== 200) throw new Error(`POST /api/v2/alerts: ${response.status}`);
          }
        }),
      );
      const ingestMs = performance.now() - started;
      process.stderr.write(`round ${r + 1}: ${ALERTS} alerts ingested in ${Math.round(ingestMs)} ms\n`);

      // The router's CPU over the flush burst (sends and their bookkeeping), from just before the
      // first group can be due until every group was heard from: CPU per group is what a busy
      // machine cannot hide.
      await new Promise((done) => setTimeout(done, Math.max(0, GROUP_WAIT_S * 1000 - ingestMs - 200)));
      const cpuBefore = process.cpuUsage();
      const deadline = Date.now() + (GROUP_WAIT_S + 60) * 1000;
      while ((await sink.count()) < GROUPS && Date.now() < deadline) {
        await new Promise((done) => setTimeout(done, 250));
      }
      const cpu = process.cpuUsage(cpuBefore);
      const arrivals = await sink.take();
      const latencies = [...arrivals]
        .filter(([groupKey]) => groupKey.includes(run))
        .flatMap(([groupKey, arrived]) => {
          const due = dueAt.get(groupKey);
          return due === undefined ? [] : [arrived - due];
        });
      if (latencies.length === 0) throw new Error('no notification arrived');
      const dues = [...dueAt.values()];
      rounds.push({
        alertsPerSecond: Math.round((ALERTS / ingestMs) * 1000),
        p50Ms: round(percentile(latencies, 50)),
        p99Ms: round(percentile(latencies, 99)),
        maxMs: round(Math.max(...latencies)),
        notified: latencies.length,
        dueSpreadMs: Math.max(...dues) - Math.min(...dues),
        burstCpuMs: Math.round((cpu.user + cpu.system) / 1000),
      });
    }
  } finally {
    await app.close();
    await sink.close();
    await stack.stop();
    await rm(dir, { recursive: true, force: true });
  }
  const ingest = median(rounds.map((r) => r.alertsPerSecond));
  const p99 = median(rounds.map((r) => r.p99Ms));
  process.stdout.write(
    `${JSON.stringify(
      {
        bench: 'alert-router',
        node: process.version,
        alerts: ALERTS,
        groups: GROUPS,
        batchSize: BATCH,
        concurrency: CONCURRENCY,
        rounds: ROUNDS,
        ingestAlertsPerSecond: { median: ingest, runs: rounds.map((r) => r.alertsPerSecond) },
        flushToReceiverMs: {
          p50: median(rounds.map((r) => r.p50Ms)),
          p99: p99,
          runs: rounds.map(({ p50Ms, p99Ms, maxMs, notified, dueSpreadMs, burstCpuMs }) => ({
            p50: p50Ms,
            p99: p99Ms,
            max: maxMs,
            groups: notified,
            // How far apart the groups' flush moments lie, and the router's CPU over the burst.
            dueSpreadMs,
            burstCpuMs,
          })),
        },
        goals: { ingestAlertsPerSecond: 5_000, flushToReceiverP99Ms: 50 },
        met: { ingest: ingest >= 5_000, flushToReceiver: p99 < 50 },
      },
      null,
      2,
    )}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
