import { randomBytes } from 'node:crypto';
import { createWorkerDatabase } from '@convergence/dev-stack';
import { eventually } from '@convergence/messaging/testing';
import type { ServiceProcess } from '@convergence/service-kit/testing';
import { formatEther } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { FakeMessagesApi } from '../testing/fake-messages-api';
import { OracleDb } from '../testing/oracle-db';
import { sample } from '../testing/prometheus-text';
import { startOracle } from '../testing/oracle-process';
import { postOpinion, waitForMarket } from '../testing/oracle-api';
import { fundedRandomKey, TestMarketChain } from '../testing/test-market-chain';

/**
 * The metrics deploy/ rules and dashboards read (oracle_markets, oracle_stake_volume_total,
 * oracle_transactions_total, oracle_oldest_pending_transaction_age_seconds, oracle_signer_balance,
 * oracle_llm_spend_month_usd), read from GET /metrics after one market was settled on Hardhat and
 * compared with what the chain and the ledger say.
 */
describe('oracle /metrics for the deploy rules and dashboards', () => {
  const suffix = randomBytes(3).toString('hex');
  const schema = `oracle_metrics_${suffix}`;
  const fake = new FakeMessagesApi();
  let chain: TestMarketChain;
  let oracle: ServiceProcess;
  let db: OracleDb;
  let alice: `0x${string}`;

  beforeAll(async () => {
    const databaseUrl = await createWorkerDatabase();
    const rpcUrl = process.env['EVM_RPC_URL']!;
    alice = await fundedRandomKey(rpcUrl);
    chain = await new TestMarketChain(
      rpcUrl,
      Number(process.env['EVM_CHAIN_ID']),
      await fundedRandomKey(rpcUrl),
    ).deploy();
    await chain.fund([alice]);
    await fake.start();
    oracle = await startOracle({
      databaseUrl,
      schema,
      groupPrefix: `om-${suffix}.`,
      chain,
      llmUrl: fake.url,
    });
    db = await new OracleDb(databaseUrl, schema).connect();
  }, 180_000);

  afterAll(async () => {
    await oracle?.stop();
    await fake.stop();
    await db?.end();
  });

  const metrics = async () => (await fetch(`${oracle.url}/metrics`)).text();

  it('exports markets by state, stake volume, transactions, signer balance, pending age and the month spend', async () => {
    const text = 'Yes: the metrics will add up';
    const settledId = await chain.openMarket(alice, 'Metrics market', [
      { key: alice, amount: 25n * 10n ** 17n, text },
    ]);
    const openId = await chain.openMarket(alice, 'Metrics market left open', [
      { key: alice, amount: 10n ** 18n, text },
    ]);
    await waitForMarket(oracle.url, openId);
    expect((await postOpinion(oracle.url, chain, settledId, alice, text)).status).toBe(201);
    await chain.close(alice, settledId);
    await eventually(
      async () => ((await db.job(settledId))?.state === 'randomness_requested' ? true : undefined),
      60_000,
      'randomness requested',
    );
    expect(sample(await metrics(), 'oracle_markets', { state: 'settling' })).toBe(1);
    await chain.fulfilPending(alice);
    await eventually(
      async () => ((await db.job(settledId))?.state === 'settled' ? true : undefined),
      60_000,
      'settled',
    );

    const scraped = await metrics();
    expect(
      ['open', 'closed', 'settling', 'settled', 'failed'].map((s) =>
        sample(scraped, 'oracle_markets', { state: s }),
      ),
    ).toEqual([1, 0, 0, 1, 0]);
    // 2.5 + 1 tokens of 18 decimals.
    expect(sample(scraped, 'oracle_stake_volume_total', { chain: 'hardhat' })).toBeCloseTo(3.5, 12);
    // recordSentiment, requestRandomness, settleLottery: all mined and successful.
    expect(sample(scraped, 'oracle_transactions_total', { chain: 'hardhat', outcome: 'confirmed' })).toBe(3);
    expect(
      sample(scraped, 'oracle_transactions_total', { chain: 'hardhat', outcome: 'reverted' }),
    ).toBeUndefined();
    expect(sample(scraped, 'oracle_oldest_pending_transaction_age_seconds', { chain: 'hardhat' })).toBe(0);

    const signer = privateKeyToAccount(chain.oracleKey).address;
    const balance = Number(formatEther(await chain.publicClient.getBalance({ address: signer })));
    expect(sample(scraped, 'oracle_signer_balance', { chain: 'hardhat', address: signer })).toBeCloseTo(
      balance,
      9,
    );
    expect(balance).toBeLessThan(100); // it paid for gas: the gauge follows the chain, not the funding

    const ledger = await db.ledger();
    expect(ledger.filter((r) => r.purpose === 'sentiment').map((r) => r.outcome)).toEqual(['ok']);
    expect(ledger.reduce((sum, r) => sum + Number(r.cost_usd), 0)).toBeGreaterThan(0);
    // Other suites' unlock.achieved.v1 on the shared broker make this oracle ask for interpretations at
    // any moment: a scrape and the ledger read right after it must agree once no call fell in between.
    await eventually(
      async () => {
        const gauge = sample(await metrics(), 'oracle_llm_spend_month_usd');
        const spent = (await db.ledger()).reduce((sum, r) => sum + Number(r.cost_usd), 0);
        return gauge !== undefined && Math.abs(gauge - spent) < 5e-7 ? true : undefined;
      },
      20_000,
      'oracle_llm_spend_month_usd equal to the ledger',
    );
  });
});
