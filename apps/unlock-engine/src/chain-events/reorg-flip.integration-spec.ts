// Real Kafka and Postgres: an A→B→A flip on a synthetic chain (envelopes exactly as the indexer
// publishes them), applied by one engine, compared with a second engine that only ever saw the final
// branch. Each engine follows a chain id of its own, so neither (nor any other test file's engine)
// takes the other's logs for more than activity of wallets it is not asked about.
import { eventually } from '@convergence/messaging/testing';
import { topics } from '@convergence/schemas';
import type { ServiceProcess } from '@convergence/service-kit/testing';
import type { Client } from 'pg';
import { parseEther } from 'viem';
import type { WalletEligibility } from '../eligibility/eligibility.service';
import type { WalletProfile } from '../profiles/profile.service';
import {
  call,
  engineStorage,
  metricValue,
  openDatabase,
  outboxDrained,
  publish,
  startEngine,
  testKafka,
  walletEventsOnTopic,
} from '../testing/engine-test-kit';
import { SyntheticEvmChain } from '../testing/synthetic-evm-chain';

const { kafka, producer } = testKafka();
const ceremony = { steps: [{ kind: 'reveal', text: 'Trusted' }] };
const trustUnlock = 'trust-100';
const requirements = { tokenBalance: { token: 'TRUST', min: parseEther('100').toString() } };

describe('an A→B→A reorg flip', () => {
  const flipped = new SyntheticEvmChain();
  const straight = new SyntheticEvmChain();
  let flipEngine: ServiceProcess;
  let straightEngine: ServiceProcess;
  let flipDb: Client;

  beforeAll(async () => {
    const env = (chain: SyntheticEvmChain) => ({
      CONTRACTS_FILE: chain.contractsFile(),
      EVM_CHAIN_ID: String(chain.chainId),
      EVM_RPC_URL: '',
    });
    const flipStorage = await engineStorage('flip');
    [flipEngine, straightEngine] = await Promise.all([
      startEngine(flipStorage, env(flipped)),
      engineStorage('straight').then((storage) => startEngine(storage, env(straight))),
    ]);
    flipDb = await openDatabase(flipStorage);
    for (const engine of [flipEngine, straightEngine]) {
      const created = await call(engine, 'POST', '/unlocks', {
        id: trustUnlock,
        title: 'Trusted',
        requirements,
        ceremony,
      });
      expect(created.status).toBe(201);
    }
  });
  afterAll(async () => {
    await flipDb?.end();
    expect(await flipEngine?.stop()).toBe(0);
    expect(await straightEngine?.stop()).toBe(0);
    await producer.disconnect();
    flipped.dispose();
    straight.dispose();
  });

  const profileOf = async (engine: ServiceProcess, wallet: string) =>
    (await call<WalletProfile>(engine, 'GET', `/profiles/${wallet}`)).body;
  const standingOf = async (engine: ServiceProcess, wallet: string) =>
    (await call<WalletEligibility>(engine, 'GET', `/eligibility/${wallet}`)).body.unlocks.find(
      (u) => u.unlockId === trustUnlock,
    )!;
  const until = <T>(probe: () => Promise<T | undefined>, what: string) => eventually(probe, 30_000, what);

  it('ends exactly as a straight application of the final branch, revoking and re-achieving once each', async () => {
    const t0 = new Date('2026-11-01T10:00:00Z');
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    const [holder, bystander] = [flipped.freshWallet(), flipped.freshWallet()];

    // Block 1000, confirmed: 70 TRUST. Branch A's block 1001 (unconfirmed): +40, crossing 100.
    const base = flipped.block(1000n, at(0));
    const a1 = flipped.block(1001n, at(12));
    const a2 = flipped.block(1002n, at(24));
    const b1 = flipped.block(1001n, at(13));
    const baseLogs = flipped.transfers(base, [{ to: holder, value: parseEther('70') }], true);
    const a1Logs = flipped.transfers(a1, [{ to: holder, value: parseEther('40') }], false);
    await publish(producer, topics.chainEvmLog, [...baseLogs, ...a1Logs]);
    await until(
      async () => ((await standingOf(flipEngine, holder)).achievement?.provisional ? true : undefined),
      'provisional achievement on branch A',
    );

    // A orphaned for B (block 1001': +5 to the holder, +7 to a bystander): the unlock is taken back.
    await publish(producer, topics.chainEvmReorg, [flipped.reorg(base, [a1], b1)]);
    await until(
      async () => ((await standingOf(flipEngine, holder)).achievement === null ? true : undefined),
      'revocation when A is orphaned',
    );
    await publish(
      producer,
      topics.chainEvmLog,
      flipped.transfers(
        b1,
        [
          { to: holder, value: parseEther('5') },
          { to: bystander, value: parseEther('7') },
        ],
        false,
      ),
    );
    await until(async () => {
      const profile = await profileOf(flipEngine, bystander);
      return profile.balances['TRUST']!.total === parseEther('7').toString() ? true : undefined;
    }, 'branch B applied');
    expect((await profileOf(flipEngine, holder)).balances['TRUST']!.total).toBe(parseEther('75').toString());
    expect((await standingOf(flipEngine, holder)).met).toBe(false);

    // B orphaned for A again: the indexer republishes block 1001 with the same ids, then 1002
    // (confirmed: +3 to the bystander), which confirms everything up to it. One step at a time, so
    // each transition is its own batch.
    const reorgs = await metricValue(flipEngine, 'unlock_engine_reorgs_applied_total');
    await publish(producer, topics.chainEvmReorg, [flipped.reorg(base, [b1], a2)]);
    await until(
      async () =>
        (await metricValue(flipEngine, 'unlock_engine_reorgs_applied_total')) > reorgs ? true : undefined,
      'second reorg applied',
    );
    await publish(producer, topics.chainEvmLog, a1Logs);
    await until(
      async () => ((await standingOf(flipEngine, holder)).achievement?.provisional ? true : undefined),
      're-achieved on A, provisionally',
    );
    const a2Logs = flipped.transfers(a2, [{ to: bystander, value: parseEther('3') }], true);
    await publish(producer, topics.chainEvmLog, a2Logs);
    await until(
      async () =>
        (await standingOf(flipEngine, holder)).achievement?.provisional === false ? true : undefined,
      're-achieved on A and confirmed',
    );

    // The same final branch, applied straight by an engine that never saw B.
    const [holder2, bystander2] = [straight.freshWallet(), straight.freshWallet()];
    const sBase = straight.block(1000n, at(0));
    const sA1 = straight.block(1001n, at(12));
    const sA2 = straight.block(1002n, at(24));
    await publish(producer, topics.chainEvmLog, [
      ...straight.transfers(sBase, [{ to: holder2, value: parseEther('70') }], true),
      ...straight.transfers(sA1, [{ to: holder2, value: parseEther('40') }], false),
      ...straight.transfers(sA2, [{ to: bystander2, value: parseEther('3') }], true),
    ]);
    await until(
      async () =>
        (await standingOf(straightEngine, holder2)).achievement?.provisional === false ? true : undefined,
      'straight application achieved and confirmed',
    );

    // Profiles and eligibility agree field for field (wallet, chain and achievement time aside).
    const comparable = (profile: WalletProfile) => ({
      ...profile,
      wallet: undefined,
      chainId: undefined,
      achievements: profile.achievements.map((a) => ({ ...a, achievedAt: undefined })),
    });
    const flippedHolder = await profileOf(flipEngine, holder);
    expect(comparable(flippedHolder)).toEqual(comparable(await profileOf(straightEngine, holder2)));
    expect(comparable(await profileOf(flipEngine, bystander))).toEqual(
      comparable(await profileOf(straightEngine, bystander2)),
    );
    expect(flippedHolder).toMatchObject({
      balances: { TRUST: { total: parseEther('110').toString(), confirmed: parseEther('110').toString() } },
      eventCounts: { Transfer: { total: 2, confirmed: 2 } },
      firstActivityAt: at(0).toISOString(),
      // Branch B's later block time left no trace.
      lastActivityAt: at(12).toISOString(),
    });
    const standing = (s: Awaited<ReturnType<typeof standingOf>>) => ({
      ...s,
      achievement: s.achievement && { ...s.achievement, achievedAt: undefined },
    });
    expect(standing(await standingOf(flipEngine, holder))).toEqual(
      standing(await standingOf(straightEngine, holder2)),
    );

    // Each transition announced once: achieved on A, revoked with B, achieved on A again.
    await outboxDrained(flipDb);
    const achieved = await walletEventsOnTopic(kafka, producer, topics.unlockAchieved, holder);
    expect(achieved.map((e) => e.data)).toEqual([
      expect.objectContaining({ unlockId: trustUnlock, provisional: true }),
      expect.objectContaining({ unlockId: trustUnlock, provisional: true }),
    ]);
    const revoked = await walletEventsOnTopic(kafka, producer, topics.unlockRevoked, holder);
    expect(revoked.map((e) => e.data)).toEqual([
      expect.objectContaining({
        unlockId: trustUnlock,
        reason: expect.stringContaining(`reorg on chain ${flipped.chainId}`),
      }),
    ]);
    const { rows } = await flipDb.query<{ provisional: boolean; revoked: boolean }>(
      `SELECT provisional, revoked_at IS NOT NULL AS revoked FROM achievements WHERE wallet = $1 ORDER BY achieved_at`,
      [holder],
    );
    expect(rows).toEqual([
      { provisional: true, revoked: true },
      { provisional: false, revoked: false },
    ]);

    // The final branch delivered once more changes nothing.
    const duplicates = await metricValue(flipEngine, 'unlock_engine_duplicate_events_skipped_total', {
      topic: topics.chainEvmLog.name,
    });
    await publish(producer, topics.chainEvmLog, [...a1Logs, ...a2Logs]);
    await until(
      async () =>
        (await metricValue(flipEngine, 'unlock_engine_duplicate_events_skipped_total', {
          topic: topics.chainEvmLog.name,
        })) >=
        duplicates + 2
          ? true
          : undefined,
      'redelivered branch seen as duplicates',
    );
    expect(await profileOf(flipEngine, holder)).toEqual(flippedHolder);
  });
});
