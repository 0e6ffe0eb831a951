import { randomBytes } from 'node:crypto';
import { createWorkerDatabase } from '@convergence/dev-stack';
import { eventually } from '@convergence/messaging/testing';
import { type ServiceProcess, spawnService, waitForReady } from '@convergence/service-kit/testing';
import { FakeMessagesApi } from '../testing/fake-messages-api';
import { OracleDb } from '../testing/oracle-db';
import { oracleEnv, type OracleProcessOptions } from '../testing/oracle-process';
import { postOpinion, waitForMarket } from '../testing/oracle-api';
import { devKey, TestMarketChain } from '../testing/test-market-chain';

const [ORACLE, ALICE, BOB] = [devKey(15), devKey(16), devKey(17)];

/**
 * One market, many deaths: the oracle is SIGKILLed at every step of the settlement — by the test while
 * it waits (mid Claude call, awaiting VRF) and by ORACLE_FAULT_KILL_AT between a mined transaction and
 * the database recording it — and each restart resumes. The market is settled exactly once.
 */
describe('oracle settlement across kill -9 and restart', () => {
  const suffix = randomBytes(3).toString('hex');
  const fake = new FakeMessagesApi();
  let options: OracleProcessOptions;
  let chain: TestMarketChain;
  let db: OracleDb;
  let running: ServiceProcess | undefined;

  beforeAll(async () => {
    const databaseUrl = await createWorkerDatabase();
    const schema = `oracle_crash_${suffix}`;
    chain = await new TestMarketChain(
      process.env['EVM_RPC_URL']!,
      Number(process.env['EVM_CHAIN_ID']),
      ORACLE,
    ).deploy();
    await chain.fund([ALICE, BOB]);
    await fake.start();
    options = { databaseUrl, schema, groupPrefix: `oc-${suffix}.`, chain, llmUrl: fake.url };
    db = await new OracleDb(databaseUrl, schema).connect();
  }, 180_000);

  afterAll(async () => {
    await running?.stop();
    await fake.stop();
    await db?.end();
  });

  const spawn = (faultPoint?: string) =>
    spawnService(
      'oracle',
      oracleEnv({ ...options, env: faultPoint ? { ORACLE_FAULT_KILL_AT: faultPoint } : {} }),
    );

  /** Runs the oracle until it kills itself at `point`; returns the job state it left behind. */
  async function runUntilFault(point: string, marketId: bigint): Promise<string | undefined> {
    running = await spawn(point);
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 60_000));
    const outcome = await Promise.race([running.exited, timeout]);
    if (outcome === 'timeout')
      throw new Error(`oracle never reached ${point}:\n${running.output().slice(-3_000)}`);
    expect(running.child.signalCode).toBe('SIGKILL');
    expect(running.output()).toContain(`"point":"${point}"`);
    running = undefined;
    return (await db.job(marketId))?.state;
  }

  /** Runs the oracle until `ready` holds, then kill -9 from outside. */
  async function runAndKillWhen(ready: () => Promise<boolean>, what: string): Promise<void> {
    running = await spawn();
    await waitForReady(running);
    await eventually(async () => ((await ready()) ? true : undefined), 60_000, what);
    running.child.kill('SIGKILL');
    await running.exited;
    running = undefined;
  }

  it('settles exactly once however often the process dies', async () => {
    // Run 0: sync the market, take the signed opinions, die right after queueing it on MarketClosed.
    const marketId = await chain.openMarket(ALICE, 'The DAO treasury passes 1M STK', [
      { key: ALICE, amount: 70n, text: 'Yes, inflows will continue' },
      { key: BOB, amount: 30n, text: 'No, not this year' },
    ]);
    running = await spawn('after-transition:queued');
    await waitForReady(running);
    await waitForMarket(running.url, marketId);
    for (const [key, text] of [
      [ALICE, 'Yes, inflows will continue'],
      [BOB, 'No, not this year'],
    ] as const) {
      expect((await postOpinion(running.url, chain, marketId, key, text)).status).toBe(201);
    }
    await chain.close(ALICE, marketId);
    await running.exited;
    expect(running.child.signalCode).toBe('SIGKILL');
    expect((await db.job(marketId))?.state).toBe('queued');

    expect(await runUntilFault('after-transition:analyzing', marketId)).toBe('analyzing');

    // Killed while Claude is answering: nothing about that call survives.
    let release!: () => void;
    fake.enqueue('record_sentiment', { kind: 'hold', release: new Promise<void>((r) => (release = r)) });
    const asked = fake.requestsFor('record_sentiment').length;
    await runAndKillWhen(async () => fake.requestsFor('record_sentiment').length > asked, 'Claude asked');
    release();
    expect(await db.job(marketId)).toMatchObject({ state: 'analyzing', analysis: null });

    // Mined, not recorded: the restart sees the chain already has this sentiment and sends nothing.
    expect(await runUntilFault('after-tx:recordSentiment', marketId)).toBe('analyzing');
    expect(await chain.countEvents('SentimentRecorded', marketId)).toBe(1);
    expect(await runUntilFault('after-transition:sentiment_recorded', marketId)).toBe('sentiment_recorded');
    expect(await runUntilFault('after-tx:requestRandomness', marketId)).toBe('sentiment_recorded');
    expect((await chain.readMarket(marketId)).status).toBe(3); // RandomnessRequested

    // Killed while waiting for the VRF callback, which then arrives while the oracle is down.
    await runAndKillWhen(
      async () => (await db.job(marketId))?.state === 'randomness_requested',
      'recorded the request',
    );
    expect(await chain.fulfilPending(ALICE)).toBe(1);

    expect(await runUntilFault('after-transition:randomness_fulfilled', marketId)).toBe(
      'randomness_fulfilled',
    );
    expect(await runUntilFault('after-tx:settleLottery', marketId)).toBe('randomness_fulfilled');
    expect((await chain.readMarket(marketId)).status).toBe(5); // Settled on chain, not yet in the job

    running = await spawn();
    await waitForReady(running);
    await eventually(
      async () => ((await db.job(marketId))?.state === 'settled' ? true : undefined),
      60_000,
      'settled',
    );

    for (const event of [
      'SentimentRecorded',
      'RandomnessRequested',
      'RandomnessFulfilled',
      'MarketSettled',
    ] as const) {
      expect([event, await chain.countEvents(event, marketId)]).toEqual([event, 1]);
    }
    expect(await db.settlementStates(marketId)).toEqual([
      'queued',
      'analyzing',
      'sentiment_recorded',
      'randomness_requested',
      'randomness_fulfilled',
      'settled',
    ]);
    const sentiments = (await db.outboxData('oracle.sentiment.v1')).filter(
      (d) => d['marketId'] === marketId.toString(),
    );
    expect(sentiments).toHaveLength(1);
    expect(sentiments[0]).toMatchObject({ source: 'claude', score: 62 }); // (70·80 + 30·20) / 100
    // Every outbox row reached Kafka despite the kills.
    await eventually(
      async () => {
        const [row] = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`,
        );
        return row!.n === 0 ? true : undefined;
      },
      30_000,
      'outbox drained',
    );
  }, 420_000);
});
