import { randomBytes } from 'node:crypto';
import { createWorkerDatabase } from '@convergence/dev-stack';
import { EventProducer, MessagingMetrics, createKafkaClient } from '@convergence/messaging';
import { eventually } from '@convergence/messaging/testing';
import { createEnvelope, topics } from '@convergence/schemas';
import { Registry } from 'prom-client';
import type { ServiceProcess } from '@convergence/service-kit/testing';
import { privateKeyToAccount } from 'viem/accounts';
import { FakeMessagesApi } from '../testing/fake-messages-api';
import { OracleDb } from '../testing/oracle-db';
import { startOracle } from '../testing/oracle-process';
import { postOpinion, waitForMarket } from '../testing/oracle-api';
import { devKey, TestMarketChain, type StakeSpec } from '../testing/test-market-chain';

const [ORACLE, ALICE, BOB, CAROL] = [devKey(10), devKey(11), devKey(12), devKey(13)];
const address = (key: `0x${string}`) => privateKeyToAccount(key).address;

describe('oracle settlement on Hardhat', () => {
  const suffix = randomBytes(3).toString('hex');
  const schema = `oracle_settle_${suffix}`;
  const fake = new FakeMessagesApi();
  let chain: TestMarketChain;
  let oracle: ServiceProcess;
  let db: OracleDb;

  beforeAll(async () => {
    const databaseUrl = await createWorkerDatabase();
    chain = await new TestMarketChain(
      process.env['EVM_RPC_URL']!,
      Number(process.env['EVM_CHAIN_ID']),
      ORACLE,
    ).deploy();
    await chain.fund([ALICE, BOB, CAROL]);
    await fake.start();
    oracle = await startOracle({
      databaseUrl,
      schema,
      groupPrefix: `or-${suffix}.`,
      chain,
      llmUrl: fake.url,
      env: { LLM_MAX_RETRIES: '3' },
    });
    db = await new OracleDb(databaseUrl, schema).connect();
  }, 180_000);

  afterAll(async () => {
    await oracle?.stop();
    await fake.stop();
    await db?.end();
  });

  const api = async <T>(path: string, init?: RequestInit): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${oracle.url}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json' },
    });
    return { status: res.status, body: (await res.json()) as T };
  };

  const stakes: StakeSpec[] = [
    { key: ALICE, amount: 300n, text: 'Yes: ETF inflows keep climbing' },
    { key: BOB, amount: 120n, text: 'No: macro headwinds cap the rally' },
    { key: CAROL, amount: 80n, text: 'It could go either way' },
  ];

  /** Opens a market, waits until the oracle has synced it, and submits every signed opinion. */
  async function openWithOpinions(statement: string, specs = stakes): Promise<bigint> {
    const marketId = await chain.openMarket(ALICE, statement, specs);
    await waitForMarket(oracle.url, marketId);
    for (const spec of specs) {
      expect((await postOpinion(oracle.url, chain, marketId, spec.key, spec.text)).status).toBe(201);
    }
    return marketId;
  }

  /** Closes the market, plays the VRF node once the oracle asked, and waits for the job to end. */
  async function closeAndSettle(marketId: bigint): Promise<string> {
    await chain.close(ALICE, marketId);
    await eventually(
      async () => ((await db.job(marketId))?.state === 'randomness_requested' ? true : undefined),
      60_000,
      'randomness requested',
    );
    expect(await chain.fulfilPending(ALICE)).toBe(1);
    return eventually(
      async () => {
        const state = (await db.job(marketId))?.state;
        return state === 'settled' || state === 'failed' ? state : undefined;
      },
      60_000,
      'settlement finished',
    );
  }

  it('takes a closed market to settled: Claude scores it, the chain records it, VRF picks the winner', async () => {
    const marketId = await openWithOpinions('ETH closes the month above $4,000');
    expect(await closeAndSettle(marketId)).toBe('settled');

    const onchain = await chain.readMarket(marketId);
    expect(onchain.status).toBe(5); // Settled
    expect([address(ALICE), address(BOB), address(CAROL)]).toContain(onchain.winner);
    // Stake-weighted from the fake's per-opinion scores (yes 80, no 20, undecided 50): (300·80 + 120·20 + 80·50) / 500.
    expect(onchain.sentimentScore).toBe(61);
    expect(onchain.sentimentConfidence).toBe(75); // confidence 1.5 of 2
    expect(await db.settlementStates(marketId)).toEqual([
      'queued',
      'analyzing',
      'sentiment_recorded',
      'randomness_requested',
      'randomness_fulfilled',
      'settled',
    ]);
    const [sentiment] = (await db.outboxData('oracle.sentiment.v1')).filter(
      (d) => d['marketId'] === marketId.toString(),
    );
    expect(sentiment).toMatchObject({
      score: 60.8,
      confidence: 1.5,
      source: 'claude',
      opinions: 3,
      model: 'claude-sonnet-4-5',
    });

    const request = fake
      .requestsFor('record_sentiment')
      .find((r) => r.body.messages[0]!.content.includes('ETH closes the month above $4,000'))!;
    expect(request.headers['authorization']).toBe('Bearer fake-test-key');
    expect(request.headers['anthropic-version']).toBeDefined();
    expect(request.body.tool_choice).toEqual({
      type: 'tool',
      name: 'record_sentiment',
      disable_parallel_tool_use: true,
    });
    expect(request.body.max_tokens).toBe(1024);

    const usage = await api<{ month: { calls: number; costUsd: number } }>('/llm/usage');
    expect(usage.body.month.calls).toBeGreaterThanOrEqual(1);
    expect(usage.body.month.costUsd).toBeGreaterThan(0);
    const listed = await api<Array<{ id: string; state: string; winner: string }>>(
      '/settlements?state=settled',
    );
    expect(listed.body.find((s) => s.id.endsWith(`:${marketId}`))?.winner).toBe(onchain.winner.toLowerCase());
  });

  it('retries 429 and 529 from the Messages API, waiting as retry-after says, and still settles with Claude', async () => {
    const marketId = await openWithOpinions('SOL flips BNB by market cap this quarter', [
      { key: BOB, amount: 50n, text: 'Yes, bullish on SOL' },
      { key: CAROL, amount: 50n, text: 'No way' },
    ]);
    const before = fake.requestsFor('record_sentiment').length;
    fake.enqueue(
      'record_sentiment',
      { kind: 'error', status: 429, retryAfterSeconds: 1 },
      { kind: 'error', status: 529 },
    );
    expect(await closeAndSettle(marketId)).toBe('settled');

    const calls = fake.requestsFor('record_sentiment').slice(before);
    expect(calls).toHaveLength(3); // 429, 529, then the answer — all inside one SDK call
    expect(calls[1]!.receivedAt - calls[0]!.receivedAt).toBeGreaterThanOrEqual(1_000);
    expect(calls[1]!.headers['x-stainless-retry-count']).toBe('1');
    expect((await db.job(marketId))?.analysis).toMatchObject({ source: 'claude', score: 50 });
    expect((await db.ledger()).at(-1)).toMatchObject({ outcome: 'ok', purpose: 'sentiment' });
  });

  it('rejects tool output that breaks the schema, asks once more, then settles with the fallback and alerts', async () => {
    const marketId = await openWithOpinions('The merge ships before June', [
      { key: ALICE, amount: 10n, text: 'Yes, definitely' },
      { key: BOB, amount: 30n, text: 'No, it will slip' },
    ]);
    const bad = {
      kind: 'tool' as const,
      input: {
        opinions: [
          { index: 0, score: 140 },
          { index: 1, score: 20 },
        ],
        confidence: 1,
        summary: 'x',
      },
    };
    fake.enqueue('record_sentiment', bad, {
      kind: 'tool',
      input: { opinions: [{ index: 0, score: 90 }], confidence: 1, summary: 'ok' },
    });
    expect(await closeAndSettle(marketId)).toBe('settled');

    const analysis = (await db.job(marketId))!.analysis!;
    expect(analysis['source']).toBe('fallback');
    expect(analysis['fallbackReason']).toContain('invalid_output');
    expect(analysis['fallbackReason']).toContain('opinions: no score for index 1');
    const ledger = (await db.ledger()).slice(-2);
    expect(ledger.map((r) => r.outcome)).toEqual(['invalid_output', 'invalid_output']);
    expect(ledger[0]!.error).toContain('opinions.0.score: Number must be less than or equal to 100');
    expect(await db.alertNames()).toContain('OracleLlmFallback');
    // The second request told Claude what was wrong with the first.
    expect(fake.requestsFor('record_sentiment').at(-1)!.body.messages[0]!.content).toContain(
      'was rejected: opinions.0.score',
    );
  });

  it('answers an identical market from the content-hash cache without calling Claude', async () => {
    const specs: StakeSpec[] = [
      { key: ALICE, amount: 5n, text: 'Yes, it will' },
      { key: CAROL, amount: 5n, text: 'Not a chance' },
    ];
    const first = await openWithOpinions('BTC dominance above 60% at year end', specs);
    expect(await closeAndSettle(first)).toBe('settled');
    const before = fake.requestsFor('record_sentiment').length;
    const second = await openWithOpinions('BTC dominance above 60% at year end', specs);
    expect(await closeAndSettle(second)).toBe('settled');

    expect(fake.requestsFor('record_sentiment')).toHaveLength(before);
    expect((await db.job(second))?.analysis).toMatchObject({
      source: 'cache',
      score: (await db.job(first))!.analysis!['score'],
    });
  });

  it('creates a market on chain through POST /markets and refuses a close time in the past', async () => {
    const closesAt = new Date(Date.now() + 3_600_000).toISOString();
    const created = await api<{ id: string; statement: string; status: string; creator: string }>(
      '/markets',
      {
        method: 'POST',
        body: JSON.stringify({ statement: 'Created over HTTP', closesAt }),
      },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      statement: 'Created over HTTP',
      status: 'open',
      creator: address(ORACLE).toLowerCase(),
    });
    const marketId = BigInt(created.body.id.split(':')[1]!);
    expect((await chain.readMarket(marketId)).statement).toBe('Created over HTTP');

    const late = await api<{ detail: string }>('/markets', {
      method: 'POST',
      body: JSON.stringify({ statement: 'Too late', closesAt: '2020-01-01T00:00:00Z' }),
    });
    expect(late.status).toBe(400);
    expect(late.body.detail).toContain('is not in the future on chain');
  });

  it('writes an unlock ceremony narrative for unlock.achieved.v1, once per event', async () => {
    const kafka = createKafkaClient({
      serviceName: 'oracle-test',
      brokers: process.env['KAFKA_BROKERS']!.split(','),
      topicPartitions: 1,
      replicationFactor: 1,
    });
    const producer = new EventProducer(kafka, new MessagingMetrics(new Registry()));
    const wallet = address(ALICE);
    const unlock = (unlockId: string) =>
      createEnvelope(topics.unlockAchieved, {
        source: 'unlock-engine',
        data: {
          wallet,
          unlockId,
          unlockVersion: 1,
          achievedAt: new Date().toISOString(),
          provisional: false,
        },
      });
    const first = unlock(`first-stake-${suffix}`);
    const marker = unlock(`marker-${suffix}`);
    // Same wallet, same partition: once the marker is interpreted, the duplicate before it was consumed too.
    await producer.publish(topics.unlockAchieved, [first, first, marker]);
    await producer.disconnect();

    const interpretations = async (unlockId: string) =>
      (await db.outboxData('oracle.interpretation.v1')).filter((d) => d['unlockId'] === unlockId);
    await eventually(
      async () => ((await interpretations(marker.data.unlockId)).length > 0 ? true : undefined),
      60_000,
      'marker interpreted',
    );
    const mine = await interpretations(first.data.unlockId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ wallet, source: 'claude', model: 'claude-sonnet-4-5' });
    expect(String(mine[0]!['text']).length).toBeGreaterThan(40);
    const request = fake.requests.find((r) => r.body.messages[0]!.content.includes(first.data.unlockId))!;
    expect(request.body.tool_choice?.name).toBe('write_interpretation');
    expect(JSON.parse(request.body.messages[0]!.content)).toMatchObject({
      profile: { marketsJoined: expect.any(Number) },
    });
  });

  it('turns away bad opinions with problem+json naming what is wrong', async () => {
    const marketId = await chain.openMarket(ALICE, 'Gas stays under 10 gwei all week', [
      { key: BOB, amount: 1n, text: 'Yes' },
    ]);
    await waitForMarket(oracle.url, marketId);

    const forged = await api<{ status: number; detail: string }>(`/markets/${marketId}/opinions`, {
      method: 'POST',
      body: JSON.stringify({
        staker: address(BOB),
        text: 'Yes',
        signature: await chain.signOpinion(CAROL, 'Yes'),
      }),
    });
    expect(forged.status).toBe(422);
    expect(forged.body.detail).toContain(`not ${address(BOB)}'s signature`);

    const malformed = await api<{ errors: Array<{ field: string }> }>(`/markets/${marketId}/opinions`, {
      method: 'POST',
      body: JSON.stringify({ staker: 'bob', text: '' }),
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((e) => e.field).sort()).toEqual(['signature', 'staker', 'text']);

    expect((await api('/markets/999999')).status).toBe(404);
    // The stake may be synced a poll after the market itself.
    const staked = await eventually(
      async () => {
        const portfolio = await api<{ markets: Array<{ id: string; staked: string }> }>(
          `/wallets/${address(BOB)}/portfolio`,
        );
        return portfolio.body.markets.find((m) => m.id.endsWith(`:${marketId}`))?.staked;
      },
      20_000,
      'stake in portfolio',
    );
    expect(staked).toBe('1');
  });
});
