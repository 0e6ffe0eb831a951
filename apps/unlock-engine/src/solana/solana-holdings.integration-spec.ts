// Real Kafka and Postgres: Solana holdings from chain.solana.tx.v1, fed with the envelopes the
// chain-indexer publishes for SPL transfers (no validator runs here). The engine follows a cluster
// of its own, so no other test's Solana events reach its holdings.
import { randomBytes } from 'node:crypto';
import { eventually } from '@convergence/messaging/testing';
import { topics } from '@convergence/schemas';
import type { ServiceProcess } from '@convergence/service-kit/testing';
import type { Client } from 'pg';
import type { WalletEligibility } from '../eligibility/eligibility.service';
import type { WalletProfile } from '../profiles/profile.service';
import type { EngineStatus } from '../status/status.service';
import {
  call,
  engineStorage,
  metricValue,
  openDatabase,
  publish,
  startEngine,
  testKafka,
} from '../testing/engine-test-kit';
import {
  type SolanaTxEnvelope,
  atCommitment,
  randomBase58,
  splTransferEnvelope,
} from '../testing/solana-tx-events.fixture';

const { producer } = testKafka();
const cluster = `it-${randomBytes(3).toString('hex')}`;
const mint = randomBase58(32);
const otherMint = randomBase58(32);
const ceremony = { steps: [{ kind: 'reveal', text: 'Solana holder' }] };
const topic = topics.chainSolanaTx.name;

interface Problem {
  status: number;
  errors?: Array<{ field: string; message: string }>;
}

describe('Solana holdings', () => {
  let engine: ServiceProcess;
  let db: Client;
  const unlockId = 'spl-300';

  beforeAll(async () => {
    const storage = await engineStorage('solana');
    engine = await startEngine(storage, {
      EVM_RPC_URL: '',
      UNLOCK_SOLANA_CLUSTER: cluster,
      UNLOCK_SOLANA_MINTS: `${mint},${otherMint}`,
    });
    db = await openDatabase(storage);
  });
  afterAll(async () => {
    await db?.end();
    expect(await engine?.stop()).toBe(0);
    await producer.disconnect();
  });

  const profileOf = async (wallet: string) =>
    (await call<WalletProfile>(engine, 'GET', `/profiles/${wallet}`)).body;
  const standingOf = async (wallet: string) =>
    (await call<WalletEligibility>(engine, 'GET', `/eligibility/${wallet}`)).body.unlocks.find(
      (u) => u.unlockId === unlockId,
    )!;
  const untilHolding = (
    wallet: string,
    done: (h: { total: string; confirmed: string }) => boolean,
    what: string,
  ) =>
    eventually(
      async () => {
        const holding = (await profileOf(wallet)).solana.balances[mint]!;
        return done(holding) ? holding : undefined;
      },
      30_000,
      what,
    );
  const applied = () => metricValue(engine, 'unlock_engine_events_applied_total', { topic });
  const duplicates = () => metricValue(engine, 'unlock_engine_duplicate_events_skipped_total', { topic });

  it('takes a solanaTokenBalance condition on a configured mint and names a bad one with 400', async () => {
    const bad = await call<Problem>(engine, 'POST', '/unlocks', {
      id: 'spl-bad',
      title: 'Bad',
      requirements: {
        any: [
          { solanaTokenBalance: { mint: 'So11111111111111111111111111111111111111112', min: '1' } },
          { solanaTokenBalance: { mint, min: 1.5 } },
        ],
      },
      ceremony,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      {
        field: 'requirements.any[0].solanaTokenBalance.mint',
        message: `unknown SPL mint 'So11111111111111111111111111111111111111112'; configured: ${mint}, ${otherMint}`,
      },
      {
        field: 'requirements.any[1].solanaTokenBalance.min',
        message: 'must be a non-negative integer string',
      },
    ]);
    const created = await call(engine, 'POST', '/unlocks', {
      id: unlockId,
      title: 'SPL holder',
      requirements: { solanaTokenBalance: { mint, min: '300000000' } },
      ceremony,
    });
    expect(created.status).toBe(201);
  });

  it('projects transfers per owner and mint, unconfirmed until a finalized slot covers them, once per event id', async () => {
    const [alice, bob] = [randomBase58(32), randomBase58(32)];
    // As the dev stack's demo moves its mint (6 decimals): 250, then 100 (a CPI transferChecked), then 5.
    const first = splTransferEnvelope({
      cluster,
      slot: 100n,
      commitment: 'confirmed',
      mint,
      amount: 250_000_000n,
      sourceOwner: alice,
      destinationOwner: bob,
    });
    const second = splTransferEnvelope({
      cluster,
      slot: 105n,
      commitment: 'confirmed',
      mint,
      amount: 100_000_000n,
      sourceOwner: alice,
      destinationOwner: bob,
      name: 'transferChecked',
      instructionIndex: 1,
      innerInstructionIndex: 0,
    });
    expect(second.id).toBe(`${cluster}:${second.data.signature}:1.0`);
    await publish(producer, topics.chainSolanaTx, [first, second]);
    await untilHolding(bob, (h) => h.total === '350000000', 'both transfers applied');

    const bobProfile = await profileOf(bob);
    expect(bobProfile.solana).toEqual({
      cluster,
      balances: {
        [mint]: { total: '350000000', confirmed: '0' },
        [otherMint]: { total: '0', confirmed: '0' },
      },
    });
    // The indexer publishes transfers only (no mintTo): the sender's holding is what it moved.
    expect((await profileOf(alice)).solana.balances[mint]).toEqual({ total: '-350000000', confirmed: '0' });
    expect(await standingOf(bob)).toMatchObject({
      met: true,
      confirmedMet: false,
      conditions: [{ kind: 'solanaTokenBalance', current: '350000000', target: '300000000', progress: 1 }],
    });

    // Delivered again: skipped by event id.
    const duplicatesBefore = await duplicates();
    await publish(producer, topics.chainSolanaTx, [first, second]);
    await eventually(
      async () => ((await duplicates()) >= duplicatesBefore + 2 ? true : undefined),
      30_000,
      'redelivered transfers seen as duplicates',
    );
    expect((await profileOf(bob)).solana.balances[mint]).toEqual({ total: '350000000', confirmed: '0' });

    // A finalized transfer at slot 102 finalizes slot 100 (the first), not slot 105 (the second).
    await publish(producer, topics.chainSolanaTx, [
      splTransferEnvelope({
        cluster,
        slot: 102n,
        commitment: 'finalized',
        mint,
        amount: 5_000_000n,
        sourceOwner: alice,
        destinationOwner: bob,
      }),
    ]);
    await untilHolding(bob, (h) => h.total === '355000000', 'finalized transfer applied');
    expect((await profileOf(bob)).solana.balances[mint]).toEqual({
      total: '355000000',
      confirmed: '255000000',
    });
    expect((await standingOf(bob)).confirmedMet).toBe(false);
    expect((await call<EngineStatus>(engine, 'GET', '/status')).body.solana).toEqual({
      cluster,
      mints: [mint, otherMint],
      unfinalized: 1,
    });

    // The second transfer read again at finalized: not applied twice, but now confirmed.
    await publish(producer, topics.chainSolanaTx, [atCommitment(second, 'finalized')]);
    await untilHolding(bob, (h) => h.confirmed === '355000000', 'second transfer finalized');
    expect((await profileOf(bob)).solana.balances[mint]!.total).toBe('355000000');
    expect((await profileOf(alice)).solana.balances[mint]).toEqual({
      total: '-355000000',
      confirmed: '-355000000',
    });
    expect(await standingOf(bob)).toMatchObject({ met: true, confirmedMet: true });
    expect((await call<EngineStatus>(engine, 'GET', '/status')).body.solana.unfinalized).toBe(0);

    const { rows } = await db.query<{ n: number; unconfirmed: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE NOT confirmed)::int AS unconfirmed
       FROM solana_events WHERE signature = ANY($1)`,
      [[first.data.signature, second.data.signature]],
    );
    expect(rows[0]).toEqual({ n: 2, unconfirmed: 0 });
  });

  it('ignores other clusters, mints not configured and transfers with no known owner', async () => {
    const carol = randomBase58(32);
    const ignored = (reason: string) =>
      metricValue(engine, 'unlock_engine_solana_events_ignored_total', { reason });
    const before = {
      cluster: await ignored('cluster'),
      mint: await ignored('mint'),
      owner: await ignored('owner'),
    };
    const appliedBefore = await applied();
    const spec = { slot: 200n, commitment: 'confirmed' as const, amount: 9n, sourceOwner: null };
    const events: SolanaTxEnvelope[] = [
      splTransferEnvelope({ ...spec, cluster: `${cluster}-other`, mint, destinationOwner: carol }),
      splTransferEnvelope({ ...spec, cluster, mint: randomBase58(32), destinationOwner: carol }),
      splTransferEnvelope({ ...spec, cluster, mint, destinationOwner: null }),
      // Only the destination's owner known: that side alone moves.
      splTransferEnvelope({ ...spec, cluster, mint, destinationOwner: carol }),
    ];
    await publish(producer, topics.chainSolanaTx, events);
    await untilHolding(carol, (h) => h.total === '9', 'the one countable transfer applied');
    await eventually(
      async () => ((await ignored('owner')) > before.owner ? true : undefined),
      30_000,
      'all four events consumed',
    );
    expect(await ignored('mint')).toBe(before.mint + 1);
    expect(await ignored('owner')).toBe(before.owner + 1);
    // Other test files' Solana events (their own clusters) count here too.
    expect(await ignored('cluster')).toBeGreaterThanOrEqual(before.cluster + 1);
    expect(await applied()).toBe(appliedBefore + 1);
  });

  it('answers profiles and eligibility for EVM and Solana addresses alike, and 400 for neither', async () => {
    const evm = `0x${randomBytes(20).toString('hex')}`;
    const evmProfile = await profileOf(evm.toUpperCase().replace('0X', '0x'));
    expect(evmProfile.wallet).toBe(evm);
    expect(evmProfile.solana.balances[mint]).toEqual({ total: '0', confirmed: '0' });
    const unknown = await call<Problem>(engine, 'GET', '/profiles/not-an-address');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      {
        field: 'address',
        message: 'must be a 0x-prefixed 20-byte hex address or a base58 Solana public key',
      },
    ]);
    // Base58 is case-sensitive: a key with its case changed is another (usually invalid) key.
    const solana = randomBase58(32);
    expect((await profileOf(solana)).wallet).toBe(solana);
  });

  it('records no achievement for a Solana wallet: unlock.achieved.v1 cannot carry a base58 wallet yet', async () => {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM achievements WHERE wallet !~ '^0x'`,
    );
    expect(rows[0]!.n).toBe(0);
  });
});
