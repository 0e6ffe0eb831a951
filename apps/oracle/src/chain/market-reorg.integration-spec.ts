import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkerDatabase, startStack, type StackHandle } from '@convergence/dev-stack';
import { eventually } from '@convergence/messaging/testing';
import type { ServiceProcess } from '@convergence/service-kit/testing';
import { privateKeyToAccount } from 'viem/accounts';
import { OracleDb } from '../testing/oracle-db';
import { sample } from '../testing/prometheus-text';
import { startOracle } from '../testing/oracle-process';
import { fundedRandomKey, TestMarketChain } from '../testing/test-market-chain';

interface MarketView {
  statement: string;
  status: string;
  totalStaked: string;
  stakes: number;
  settlement: { state: string } | null;
}

/**
 * Reorgs on a Hardhat node of the test's own (evm_snapshot / evm_revert would orphan other suites'
 * blocks on the shared one): what the oracle read from orphaned blocks — a market, a stake, a close and
 * the settlement it queued — is undone, and what the new branch holds is read instead.
 */
describe('oracle market log reader across a reorg', () => {
  const suffix = randomBytes(3).toString('hex');
  let dir: string;
  let stack: StackHandle;
  let chain: TestMarketChain;
  let oracle: ServiceProcess;
  let db: OracleDb;
  let alice: `0x${string}`;
  let bob: `0x${string}`;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'oracle-reorg-'));
    stack = await startStack({
      rootDir: dir,
      withHardhat: true,
      env: {
        DATABASE_URL: process.env['TEST_DATABASE_ADMIN_URL'],
        KAFKA_BROKERS: process.env['KAFKA_BROKERS'],
      },
    });
    const { rpcUrl, chainId } = stack.evm!;
    [alice, bob] = [await fundedRandomKey(rpcUrl), await fundedRandomKey(rpcUrl)];
    chain = await new TestMarketChain(rpcUrl, chainId, await fundedRandomKey(rpcUrl)).deploy();
    await chain.fund([alice, bob]);
    const databaseUrl = await createWorkerDatabase();
    const schema = `oracle_reorg_${suffix}`;
    // Multisig mode: the oracle only proposes, so the orphaned close's settlement sends nothing itself.
    oracle = await startOracle({
      databaseUrl,
      schema,
      groupPrefix: `ox-${suffix}.`,
      chain,
      env: {
        SETTLEMENT_MODE: 'multisig',
        SETTLEMENT_MULTISIG_ADDRESS: privateKeyToAccount(chain.oracleKey).address,
      },
    });
    db = await new OracleDb(databaseUrl, schema).connect();
  }, 240_000);

  afterAll(async () => {
    await oracle?.stop();
    await db?.end();
    await stack?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const market = async (id: bigint): Promise<MarketView | undefined> => {
    const res = await fetch(`${oracle.url}/markets/${id}`);
    return res.status === 200 ? ((await res.json()) as MarketView) : undefined;
  };

  it('forgets the markets, stakes and closes of orphaned blocks and reads the new branch', async () => {
    const kept = await chain.openMarket(alice, 'Kept market', [{ key: alice, amount: 10n, text: 'Yes' }]);
    await eventually(
      async () => ((await market(kept))?.stakes === 1 ? true : undefined),
      20_000,
      'kept synced',
    );
    const snapshot = await chain.snapshot();

    // The branch about to be orphaned: a second stake and a close on the kept market, and a new market.
    await chain.stakeOn(kept, { key: bob, amount: 50n, text: 'No' });
    await chain.close(alice, kept);
    const orphaned = await chain.openMarket(bob, 'Orphaned market', [
      { key: bob, amount: 5n, text: 'Maybe' },
    ]);
    await eventually(
      async () => {
        const [k, o] = [await market(kept), await market(orphaned)];
        return k?.status === 'closed' && k.stakes === 2 && k.settlement !== null && o?.stakes === 1
          ? true
          : undefined;
      },
      30_000,
      'orphaned branch read',
    );
    expect((await market(kept))!.totalStaked).toBe('60');

    await chain.revert(snapshot);
    // The new branch: the same market id goes to another market, with another stake.
    const replacement = await chain.openMarket(alice, 'Replacement market', [
      { key: alice, amount: 7n, text: 'Yes!' },
    ]);
    expect(replacement).toBe(orphaned);

    const after = await eventually(
      async () => {
        const m = await market(replacement);
        return m?.statement === 'Replacement market' && m.stakes === 1 ? m : undefined;
      },
      30_000,
      'new branch read',
    );
    expect(after).toMatchObject({ status: 'open', totalStaked: '7' });
    expect(await market(kept)).toMatchObject({
      status: 'open',
      stakes: 1,
      totalStaked: '10',
      settlement: null,
    });
    expect(await db.job(kept)).toBeUndefined();
    const metrics = await (await fetch(`${oracle.url}/metrics`)).text();
    expect(sample(metrics, 'oracle_chain_reorgs_total', { chain: 'hardhat' })).toBeGreaterThanOrEqual(1);

    // The kept market closes for real on the new branch: it is queued again, from its real close.
    await chain.close(alice, kept);
    await eventually(
      async () => ((await db.job(kept))?.state ? true : undefined),
      30_000,
      'kept queued again',
    );
    expect((await db.settlementStates(kept)).filter((s) => s === 'queued')).toHaveLength(2);
  });
});
