// `nx run oracle:bench`: 100 closed markets with 20 signed opinions each, settled by a real oracle process on
// Hardhat with the fake Messages API answering in 1.2 s. Prints JSON: time to settle all, settlement p50/p95
// (queued → settled, SLO p95 < 30 s) and Claude calls saved by the content-hash cache. Half the markets
// repeat another market's statement, stakes and opinions (BENCH_DUPLICATE_SHARE), which is what the cache saves.
// Starts its own PostgreSQL, Kafka and Hardhat; the oracle runs with its default settings.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack } from '@convergence/dev-stack';
import { spawnService, waitForReady, type ServiceProcess } from '@convergence/service-kit/testing';
import type { Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { FakeMessagesApi } from '../src/testing/fake-messages-api';
import { devKey, TestMarketChain } from '../src/testing/test-market-chain';

const MARKETS = Number(process.env['BENCH_MARKETS'] ?? 100);
const OPINIONS = Number(process.env['BENCH_OPINIONS'] ?? 20);
const LLM_LATENCY_MS = Number(process.env['BENCH_LLM_LATENCY_MS'] ?? 1_200);
const DISTINCT = Math.ceil(MARKETS * (1 - Number(process.env['BENCH_DUPLICATE_SHARE'] ?? 0.5)));

const ORACLE = devKey(1);
const STAKERS = Array.from({ length: 20 }, (_, i) => i)
  .filter((i) => i !== 1)
  .map(devKey);
const CREATOR = STAKERS[0]!;
const FULFILLER = STAKERS[STAKERS.length - 1]!;
const VIEWS = [
  'Yes, it will happen',
  'No, not this time',
  'Bullish: inflows are up',
  'Bearish, demand is down',
  'Hard to say',
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

/** Template t: a statement and OPINIONS (staker, amount, text); markets t and t + DISTINCT are identical. */
function template(t: number): {
  statement: string;
  stakes: Array<{ key: Hex; amount: bigint; text: string }>;
} {
  return {
    statement: `Bench statement ${t}: the metric closes above its target`,
    stakes: Array.from({ length: OPINIONS }, (_, i) => ({
      key: STAKERS[i % STAKERS.length]!,
      amount: BigInt(10 + ((t * 7 + i * 13) % 90)),
      text: `${VIEWS[(t + i) % VIEWS.length]} (#${i})`,
    })),
  };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'oracle-bench-'));
  const stack = await startStack({ rootDir: dir, withHardhat: true });
  const fake = await new FakeMessagesApi({ latencyMs: LLM_LATENCY_MS }).start();
  let oracle: ServiceProcess | undefined;
  let fulfilling = true;
  try {
    const chain = await new TestMarketChain(stack.evm!.rpcUrl, stack.evm!.chainId, ORACLE).deploy();
    await chain.fund(STAKERS);
    oracle = await spawnService('oracle', {
      DATABASE_URL: stack.databaseUrl,
      KAFKA_BROKERS: stack.kafkaBrokers.join(','),
      EVM_RPC_URL: chain.rpcUrl,
      EVM_CHAIN_ID: String(chain.chainId),
      CONTRACTS_FILE: chain.contractsFile,
      ORACLE_PRIVATE_KEY: ORACLE,
      ANTHROPIC_API_KEY: 'fake-bench-key',
      ANTHROPIC_BASE_URL: fake.url,
      LOG_LEVEL: 'warn',
    });
    await waitForReady(oracle);

    const marketIds: bigint[] = [];
    for (let m = 0; m < MARKETS; m++) {
      const { statement, stakes } = template(m % DISTINCT);
      const marketId = await chain.openMarket(CREATOR, statement, []);
      // Stakers are distinct accounts per round, so a round's stakes go out concurrently.
      for (let from = 0; from < stakes.length; from += STAKERS.length) {
        await Promise.all(stakes.slice(from, from + STAKERS.length).map((s) => chain.stakeOn(marketId, s)));
      }
      marketIds.push(marketId);
    }
    const signed = new Map<string, Hex>();
    const sign = async (key: Hex, text: string) => {
      const id = `${key}:${text}`;
      if (!signed.has(id)) signed.set(id, await chain.signOpinion(key, text));
      return signed.get(id)!;
    };
    const url = oracle.url;
    for (const [m, marketId] of marketIds.entries()) {
      await waitFor(async () => (await fetch(`${url}/markets/${marketId}`)).status === 200, 'market synced');
      await Promise.all(
        template(m % DISTINCT).stakes.map(async (s) => {
          const res = await fetch(`${url}/markets/${marketId}/opinions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              staker: privateKeyToAccount(s.key).address,
              text: s.text,
              signature: await sign(s.key, s.text),
            }),
          });
          if (res.status !== 201) throw new Error(`opinion refused: ${res.status} ${await res.text()}`);
        }),
      );
    }

    // The VRF node: answers every request as it appears.
    const vrf = (async () => {
      while (fulfilling) {
        await chain.fulfilPending(FULFILLER).catch(() => undefined);
        await sleep(200);
      }
    })();

    const started = Date.now();
    for (const marketId of marketIds) await chain.close(CREATOR, marketId);
    const settled = await waitFor(
      async () => {
        const jobs = (await (await fetch(`${url}/settlements?limit=500`)).json()) as Array<{
          state: string;
          durationSeconds: number | null;
          sentiment: { source: string } | null;
        }>;
        const done = jobs.filter((j) => j.state === 'settled' || j.state === 'failed');
        return done.length === MARKETS ? jobs : undefined;
      },
      'all settled',
      600_000,
    );
    const totalSeconds = (Date.now() - started) / 1_000;
    fulfilling = false;
    await vrf;

    const durations = settled.filter((j) => j.state === 'settled').map((j) => j.durationSeconds!);
    const bySource = (source: string) => settled.filter((j) => j.sentiment?.source === source).length;
    const p95 = percentile(durations, 95);
    process.stdout.write(
      `${JSON.stringify(
        {
          markets: MARKETS,
          opinionsPerMarket: OPINIONS,
          distinctMarkets: DISTINCT,
          llmLatencyMs: LLM_LATENCY_MS,
          settled: durations.length,
          failed: settled.length - durations.length,
          timeToSettleAllSeconds: Math.round(totalSeconds * 10) / 10,
          settlementSeconds: { p50: percentile(durations, 50), p95, max: Math.max(...durations) },
          sloP95Under30s: p95 < 30,
          llm: {
            callsMade: fake.answered,
            analysesBySource: {
              claude: bySource('claude'),
              cache: bySource('cache'),
              fallback: bySource('fallback'),
            },
            callsSavedByCache: MARKETS - fake.answered,
          },
          node: process.version,
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    fulfilling = false;
    await oracle?.stop();
    await fake.stop();
    await stack.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

async function waitFor<T>(
  probe: () => Promise<T | undefined | false>,
  what: string,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(250);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
