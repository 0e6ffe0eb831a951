import { randomBytes } from 'node:crypto';
import { createWorkerDatabase } from '@convergence/dev-stack';
import { createKafkaClient, ensureTopics } from '@convergence/messaging';
import { topics } from '@convergence/schemas';
import { eventually, readTopicUntil } from '@convergence/messaging/testing';
import type { ServiceProcess } from '@convergence/service-kit/testing';
import type { Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { UNLOCK_ACHIEVED_CONSUMER_GROUP } from '../interpretation/unlock-achieved.consumer';
import { FakeMessagesApi } from '../testing/fake-messages-api';
import { OracleDb } from '../testing/oracle-db';
import { startOracle } from '../testing/oracle-process';
import { postOpinion, waitForMarket } from '../testing/oracle-api';
import { devKey, TestMarketChain } from '../testing/test-market-chain';

const [ORACLE, ALICE, BOB] = [devKey(18), devKey(19), devKey(12)];

/** Each test gets fresh contracts and a fresh oracle (own schema), so no test sees another's markets. */
describe('oracle degradation: outages, budgets, VRF timeouts, multisig', () => {
  const fake = new FakeMessagesApi();
  let databaseUrl: string;
  let oracle: ServiceProcess | undefined;
  let db: OracleDb | undefined;
  let chain: TestMarketChain;

  beforeAll(async () => {
    databaseUrl = await createWorkerDatabase();
    await fake.start();
  });

  afterEach(async () => {
    await oracle?.stop();
    await db?.end();
    [oracle, db] = [undefined, undefined];
    fake.setOutage(false);
  });

  afterAll(() => fake.stop());

  async function setUp(env: Record<string, string>, withLlm = true): Promise<OracleDb> {
    const suffix = randomBytes(3).toString('hex');
    const schema = `oracle_degr_${suffix}`;
    chain = await new TestMarketChain(
      process.env['EVM_RPC_URL']!,
      Number(process.env['EVM_CHAIN_ID']),
      ORACLE,
    ).deploy();
    await chain.fund([ALICE, BOB]);
    // These tests count LLM calls and spend: start the oracle's unlock.achieved.v1 group at the topic's end, so
    // achievements other suites published on the shared broker don't ask Claude for interpretations here.
    await startGroupAtEnd(`od-${suffix}.${UNLOCK_ACHIEVED_CONSUMER_GROUP}`, topics.unlockAchieved.name);
    oracle = await startOracle({
      databaseUrl,
      schema,
      groupPrefix: `od-${suffix}.`,
      chain,
      llmUrl: withLlm ? fake.url : undefined,
      env,
    });
    db = await new OracleDb(databaseUrl, schema).connect();
    return db;
  }

  async function startGroupAtEnd(groupId: string, topic: string): Promise<void> {
    const kafka = createKafkaClient({
      serviceName: 'oracle-test-setup',
      brokers: process.env['KAFKA_BROKERS']!.split(','),
      topicPartitions: 3,
      replicationFactor: 1,
    });
    await ensureTopics(kafka, [topic], { partitions: 3, replicationFactor: 1 });
    const admin = kafka.admin();
    await admin.connect();
    try {
      const ends = await admin.fetchTopicOffsets(topic);
      await admin.setOffsets({
        groupId,
        topic,
        partitions: ends.map(({ partition, offset }) => ({ partition, offset })),
      });
    } finally {
      await admin.disconnect();
    }
  }

  async function marketWithOpinions(statement: string): Promise<bigint> {
    const specs: Array<[Hex, bigint, string]> = [
      [ALICE, 40n, `Yes: ${statement} will happen`],
      [BOB, 60n, `No: ${statement} is not happening`],
    ];
    const marketId = await chain.openMarket(
      ALICE,
      statement,
      specs.map(([key, amount, text]) => ({ key, amount, text })),
    );
    await waitForMarket(oracle!.url, marketId);
    for (const [key, , text] of specs) {
      expect((await postOpinion(oracle!.url, chain, marketId, key, text)).status).toBe(201);
    }
    return marketId;
  }

  const stateOf = async (marketId: bigint) => (await db!.job(marketId))?.state;
  const until = (marketId: bigint, state: string) =>
    eventually(
      async () => ((await stateOf(marketId)) === state ? true : undefined),
      60_000,
      `market ${marketId} ${state}`,
    );

  async function settle(marketId: bigint): Promise<void> {
    await chain.close(ALICE, marketId);
    await until(marketId, 'randomness_requested');
    await chain.fulfilPending(ALICE);
    await until(marketId, 'settled');
  }

  it('settles with the labelled fallback during a Claude outage and raises an alert on alerts.raw.v1', async () => {
    const oracleDb = await setUp({ LLM_MAX_RETRIES: '1' });
    fake.setOutage(true);
    const asked = fake.requestsFor('record_sentiment').length;
    const marketId = await marketWithOpinions('Claude outage market');
    await settle(marketId);

    const analysis = (await oracleDb.job(marketId))!.analysis!;
    expect(analysis).toMatchObject({ source: 'fallback' });
    expect(analysis['fallbackReason']).toMatch(/^llm_error: Claude request failed after retries: 500/);
    // One analysis, one SDK call: the request and the SDK's one retry, both 500, are one ledger row. Other
    // suites publish unlock.achieved.v1 on the shared broker while this runs; the interpretations those ask
    // for are the only other Claude traffic, so they are set aside by purpose and tool, not counted.
    const ledger = await oracleDb.ledger();
    expect(ledger.filter((r) => r.purpose !== 'interpretation').map((r) => [r.purpose, r.outcome])).toEqual([
      ['sentiment', 'error'],
    ]);
    const sentimentRequests = fake.requestsFor('record_sentiment').slice(asked);
    expect(sentimentRequests).toHaveLength(2);
    expect((await chain.readMarket(marketId)).status).toBe(5);

    const [alert] = (await oracleDb.outboxData('alerts.raw.v1')).filter(
      (a) => (a['labels'] as Record<string, string>)['alertname'] === 'OracleLlmFallback',
    );
    expect(alert).toMatchObject({
      labels: { service: 'oracle', purpose: 'sentiment', reason: 'llm_error', severity: 'warning' },
    });
    const [{ id }] = await oracleDb.query<{ id: string }>(
      `SELECT envelope->>'id' AS id FROM outbox WHERE topic = 'alerts.raw.v1' AND envelope->'data'->'labels'->>'alertname' = 'OracleLlmFallback'`,
    );
    const kafka = createKafkaClient({
      serviceName: 'oracle-test',
      brokers: process.env['KAFKA_BROKERS']!.split(','),
      topicPartitions: 1,
      replicationFactor: 1,
    });
    const seen = await readTopicUntil(kafka, 'alerts.raw.v1', (msgs) =>
      msgs.some((m) => m.message.value?.toString().includes(id!)),
    );
    expect(seen.length).toBeGreaterThan(0);
  });

  it('switches to the fallback when the monthly budget runs out mid-run', async () => {
    const oracleDb = await setUp({
      LLM_MONTHLY_BUDGET_USD: '0.001',
      LLM_PRICES: JSON.stringify({ 'claude-sonnet-4-5': { inputPerMTok: 3, outputPerMTok: 15 } }),
    });
    const first = await marketWithOpinions('Budget market one');
    await settle(first);
    const firstAnalysis = (await oracleDb.job(first))!.analysis!;
    expect([firstAnalysis['source'], firstAnalysis['fallbackReason']]).toEqual(['claude', undefined]);
    const [call] = await oracleDb.ledger();
    expect(Number(call!.cost_usd)).toBeCloseTo((call!.input_tokens * 3 + call!.output_tokens * 15) / 1e6, 6);
    expect(Number(call!.cost_usd)).toBeGreaterThan(0.001);

    const asked = fake.requestsFor('record_sentiment').length;
    const second = await marketWithOpinions('Budget market two');
    await settle(second);
    expect(fake.requestsFor('record_sentiment')).toHaveLength(asked);
    expect((await oracleDb.job(second))!.analysis).toMatchObject({ source: 'fallback' });
    expect((await oracleDb.job(second))!.analysis!['fallbackReason']).toContain(
      'budget_exhausted: monthly LLM budget of $0.001 spent',
    );
    expect(await oracleDb.alertNames()).toContain('OracleLlmBudgetExhausted');
    const usage = (await (await fetch(`${oracle!.url}/llm/usage`)).json()) as {
      budgets: { exhausted: boolean };
      month: { calls: number };
    };
    expect(usage).toMatchObject({ budgets: { exhausted: true }, month: { calls: 1 } });
  });

  it('without an API key, answers with the fallback and says so', async () => {
    const oracleDb = await setUp({}, false);
    const marketId = await marketWithOpinions('No key market');
    await settle(marketId);
    expect((await oracleDb.job(marketId))!.analysis).toMatchObject({
      source: 'fallback',
      fallbackReason: 'no_api_key: ANTHROPIC_API_KEY is not set',
    });
    expect(await oracleDb.alertNames()).toContain('OracleLlmUnavailable');
    expect((await (await fetch(`${oracle!.url}/status`)).json()) as object).toMatchObject({
      llm: { mode: 'fallback' },
    });
  });

  it('raises OracleVrfTimeout and requests randomness again when the callback does not come', async () => {
    const oracleDb = await setUp({ VRF_TIMEOUT_MS: '1500' });
    const marketId = await marketWithOpinions('VRF timeout market');
    await chain.close(ALICE, marketId);
    await eventually(
      async () => ((await oracleDb.job(marketId))?.vrf_rerequests === 1 ? true : undefined),
      60_000,
      're-requested',
    );
    expect(await chain.countEvents('RandomnessRequested', marketId)).toBe(2);
    expect(await oracleDb.alertNames()).toContain('OracleVrfTimeout');

    await chain.fulfilPending(ALICE); // the first request is stale: the market takes only the second
    await until(marketId, 'settled');
    expect(await chain.countEvents('RandomnessFulfilled', marketId)).toBe(1);
  });

  it('in multisig mode proposes each transaction and moves on only once the multisig executed it', async () => {
    const multisig = privateKeyToAccount(ORACLE).address; // the test plays the multisig with the role holder's key
    const oracleDb = await setUp({ SETTLEMENT_MODE: 'multisig', SETTLEMENT_MULTISIG_ADDRESS: multisig });
    const marketId = await marketWithOpinions('Multisig market');
    await chain.close(ALICE, marketId);

    const execute = async (call: string) => {
      const proposal = await eventually(
        async () => {
          const job = await oracleDb.job(marketId);
          return job?.proposal?.['call'] === call ? job.proposal : undefined;
        },
        60_000,
        `${call} proposal`,
      );
      expect(proposal).toMatchObject({ multisig, to: chain.market, value: '0', operation: 0 });
      expect(proposal['summary']).toContain(`market ${marketId}`);
      await chain.send(
        chain.wallet(ORACLE).sendTransaction({ to: proposal['to'] as Hex, data: proposal['data'] as Hex }),
      );
    };

    await execute('recordSentiment');
    await execute('requestRandomness');
    await chain.fulfilPending(ALICE);
    await execute('settleLottery');
    await until(marketId, 'settled');
    expect(await chain.countEvents('MarketSettled', marketId)).toBe(1);
    expect((await oracleDb.job(marketId))!.proposal).toBeNull();
  });
});
