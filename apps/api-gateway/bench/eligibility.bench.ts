// `nx run api-gateway:bench`: eligibility reads through the real gateway process (auth, rate limit,
// validation, cache) for 10,000 wallets under autocannon, on real Kafka and PostgreSQL (started
// here unless KAFKA_BROKERS / DATABASE_URL are set). The unlock-engine is a loopback server
// answering a fixed eligibility document, so the cold figures measure the gateway's forwarding
// path, not the engine. Prints one JSON object.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startStack } from '@convergence/dev-stack';
import { spawnService, waitForReady } from '@convergence/service-kit/testing';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { signIn } from '../src/testing/sign-in';
import { startUpstreamStub } from '../src/testing/upstream-stub';

const WALLETS = Number(process.env['BENCH_WALLETS'] ?? 10_000);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const DURATION_S = Number(process.env['BENCH_DURATION_S'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 50);
// `false` measures cached reads through the full Express/Nest pipeline instead of the fast path.
const FAST_CACHED_READS = process.env['BENCH_FAST_CACHED_READS'] ?? 'true';
const DOMAIN = 'bench.convergence.test';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * CPU time (user + system, ms) a process has used, from /proc (Linux; undefined elsewhere). Divided
 * by the requests served, it says what a request costs the gateway even when other work on the
 * machine takes the cores from it and requests/s falls.
 */
function cpuMsOf(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 10 ms
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'convergence-gw-bench-'));
  const stack = await startStack({ rootDir: dir, withHardhat: false });
  const engine = await startUpstreamStub('unlock-engine');
  engine.answer((request) => ({
    status: 200,
    body: {
      wallet: request.url.split('/').pop(),
      unlocks: [
        { id: 'first-steps', achieved: true, progress: 1 },
        { id: 'gold', achieved: false, progress: 0.4, missing: ['hold 10 tokens for 7 days'] },
      ],
    },
  }));
  const gateway = await spawnService('api-gateway', {
    DATABASE_URL: stack.databaseUrl,
    DATABASE_SCHEMA: `gw_bench_${randomBytes(3).toString('hex')}`,
    KAFKA_BROKERS: stack.kafkaBrokers.join(','),
    JWT_SECRET: randomBytes(32).toString('hex'),
    SIWE_DOMAIN: DOMAIN,
    UPSTREAM_UNLOCK_ENGINE_URL: engine.url,
    // One caller drives the whole load: its limit is lifted for the eligibility route only.
    RATE_LIMIT_ROUTES: 'unlocks.eligibility=1000000000/900',
    CACHE_TTL_MS: '3600000',
    CACHE_MAX_ENTRIES: String(WALLETS * 2),
    GATEWAY_FAST_CACHED_READS: FAST_CACHED_READS,
    LOG_LEVEL: 'warn',
  });
  try {
    await waitForReady(gateway);
    const tokens = await signIn(gateway.url, privateKeyToAccount(generatePrivateKey()), DOMAIN);
    const wallets = Array.from({ length: WALLETS }, () => `0x${randomBytes(20).toString('hex')}`);
    const headers = { authorization: `Bearer ${tokens.accessToken}` };

    let next = 0;
    const load = () =>
      autocannon({
        url: gateway.url,
        connections: CONNECTIONS,
        duration: DURATION_S,
        headers,
        requests: [
          {
            setupRequest: (r) => ({
              ...r,
              path: `/api/unlocks/eligibility?address=${wallets[next++ % WALLETS]}`,
            }),
          },
        ],
      });

    // Cold: every wallet once through the forwarding path, then the cache holds them all.
    const coldStarted = performance.now();
    for (let i = 0; i < WALLETS; i += CONNECTIONS) {
      await Promise.all(
        wallets.slice(i, i + CONNECTIONS).map(async (w) => {
          const response = await fetch(`${gateway.url}/api/unlocks/eligibility?address=${w}`, { headers });
          if (response.status !== 200) throw new Error(`warm-up got ${response.status}`);
          await response.arrayBuffer();
        }),
      );
    }
    const coldSeconds = (performance.now() - coldStarted) / 1000;

    const runs = [];
    for (let run = 0; run < RUNS; run++) {
      const cpuBefore = cpuMsOf(gateway.child.pid);
      const result = await load();
      const cpuAfter = cpuMsOf(gateway.child.pid);
      if (result.non2xx > 0) throw new Error(`run ${run}: ${result.non2xx} answers were not 2xx`);
      // Errors are client-side timeouts (10 s) when the machine is overloaded; reported, not hidden.
      runs.push({
        requestsPerSecond: Math.round(result.requests.average),
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        errors: result.errors,
        timeouts: result.timeouts,
        gatewayCpuMicrosPerRequest:
          cpuBefore === undefined || cpuAfter === undefined
            ? null
            : Math.round(((cpuAfter - cpuBefore) * 1000) / result.requests.total),
      });
    }
    process.stdout.write(
      `${JSON.stringify(
        {
          bench: 'api-gateway eligibility',
          wallets: WALLETS,
          connections: CONNECTIONS,
          durationSeconds: DURATION_S,
          fastCachedReads: FAST_CACHED_READS === 'true',
          node: process.version,
          cold: {
            requests: WALLETS,
            seconds: Number(coldSeconds.toFixed(2)),
            requestsPerSecond: Math.round(WALLETS / coldSeconds),
            upstream: 'loopback stub',
          },
          cached: {
            runs,
            median: {
              requestsPerSecond: median(runs.map((r) => r.requestsPerSecond)),
              p50Ms: median(runs.map((r) => r.p50Ms)),
              p99Ms: median(runs.map((r) => r.p99Ms)),
              gatewayCpuMicrosPerRequest: median(runs.map((r) => r.gatewayCpuMicrosPerRequest ?? NaN)),
            },
          },
          // Eligibility reads only: the report sampler also asks the stub for /ready and /metrics.
          upstreamRequestsDuringCachedRuns:
            engine.requests.filter((r) => r.url.startsWith('/eligibility/')).length - WALLETS,
        },
        null,
        2,
      )}\n`,
    );
  } catch (error) {
    process.stderr.write(`gateway output:\n${gateway.output().slice(-3_000)}\n`);
    throw error;
  } finally {
    await gateway.stop();
    await engine.close();
    await stack.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  const cause = error instanceof Error && error.cause ? `\ncause: ${String(error.cause)}` : '';
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}${cause}\n`,
  );
  process.exit(1);
});
