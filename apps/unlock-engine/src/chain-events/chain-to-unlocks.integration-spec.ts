// Real Kafka, Postgres and Hardhat: transactions on the chain, their logs published as the
// chain-indexer publishes them, one engine process consuming. The file runs serially on purpose:
// the reorg test reverts the shared Hardhat node, which must not undo another test's transactions.
import { eventually, readTopicUntil } from '@convergence/messaging/testing';
import { createEnvelope, topics } from '@convergence/schemas';
import type { ServiceProcess } from '@convergence/service-kit/testing';
import type { Client } from 'pg';
import { parseEther } from 'viem';
import type { WalletEligibility } from '../eligibility/eligibility.service';
import type { WalletProfile } from '../profiles/profile.service';
import type { ReconciliationReport } from '../reconciliation/reconciliation.service';
import type { EngineStatus } from '../status/status.service';
import {
  type EngineStorage,
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
import { type EvmLogEnvelope, HardhatChain } from '../testing/hardhat-chain.fixture';

const chain = new HardhatChain();
const { kafka, producer } = testKafka();
const ceremony = {
  steps: [
    { kind: 'pause', durationMs: 400 },
    { kind: 'reveal', text: 'The vault opens' },
    { kind: 'interpretation', fallbackText: 'Your path is your own.' },
  ],
};

describe('unlock-engine from chain events', () => {
  let storage: EngineStorage;
  let engine: ServiceProcess;
  let db: Client;
  const trustUnlock = `trust-100-${Date.now().toString(36)}`;

  beforeAll(async () => {
    storage = await engineStorage('chain');
    engine = await startEngine(storage, { UNLOCK_INTERPRETATION_TIMEOUT_MS: '1500' });
    db = await openDatabase(storage);
    const created = await call(engine, 'POST', '/unlocks', {
      id: trustUnlock,
      title: 'Trusted',
      description: 'Hold 100 TRUST',
      requirements: { tokenBalance: { token: 'TRUST', min: parseEther('100').toString() } },
      ceremony,
    });
    expect(created.status).toBe(201);
  });
  afterAll(async () => {
    await db?.end();
    expect(await engine?.stop()).toBe(0);
    await producer.disconnect();
  });

  const eligibilityOf = async (wallet: string) =>
    (await call<WalletEligibility>(engine, 'GET', `/eligibility/${wallet}`)).body;
  const trustStanding = async (wallet: string) =>
    (await eligibilityOf(wallet)).unlocks.find((u) => u.unlockId === trustUnlock)!;
  const profileOf = async (wallet: string) =>
    (await call<WalletProfile>(engine, 'GET', `/profiles/${wallet}`)).body;
  const untilProfile = (wallet: string, done: (profile: WalletProfile) => boolean, what: string) =>
    eventually(
      async () => {
        const profile = await profileOf(wallet);
        return done(profile) ? profile : undefined;
      },
      30_000,
      what,
    );

  describe('a wallet crossing a threshold', () => {
    const wallet = chain.freshWallet();
    const published: EvmLogEnvelope[] = [];

    it('gets exactly one unlock.achieved.v1 when real transfers take it past 100 TRUST', async () => {
      const first = await chain.envelopesOf([await chain.mintToken('trust', wallet, parseEther('60'))], true);
      await publish(producer, topics.chainEvmLog, first);
      published.push(...first);
      await untilProfile(
        wallet,
        (p) => p.balances['TRUST']!.total === parseEther('60').toString(),
        '60 TRUST',
      );
      const before = await trustStanding(wallet);
      expect(before).toMatchObject({ met: false, achievement: null });
      expect(before.conditions[0]).toMatchObject({ current: parseEther('60').toString(), progress: 0.6 });

      // The deciding transfer: 50 TRUST from another holder, still unconfirmed.
      const holder = chain.freshWallet();
      const funding = await chain.envelopesOf(
        [await chain.mintToken('trust', holder, parseEther('80'))],
        true,
      );
      const deciding = await chain.envelopesOf(
        [await chain.transferToken('trust', holder, wallet, parseEther('50'))],
        false,
      );
      await publish(producer, topics.chainEvmLog, [...funding, ...deciding]);
      published.push(...funding, ...deciding);

      const achieved = await eventually(
        async () => {
          const standing = await trustStanding(wallet);
          return standing.achievement ? standing : undefined;
        },
        30_000,
        'achievement',
      );
      expect(achieved).toMatchObject({
        met: true,
        confirmedMet: false,
        achievement: { provisional: true, version: 1 },
      });
      const profile = await profileOf(wallet);
      expect(profile.balances['TRUST']).toEqual({
        total: parseEther('110').toString(),
        confirmed: parseEther('60').toString(),
      });
      expect(profile.eventCounts['Transfer']).toEqual({ total: 2, confirmed: 1 });

      await outboxDrained(db);
      const events = await walletEventsOnTopic(kafka, producer, topics.unlockAchieved, wallet);
      expect(events.map((e) => e.data)).toEqual([
        expect.objectContaining({ wallet, unlockId: trustUnlock, unlockVersion: 1, provisional: true }),
      ]);
    });

    it('changes nothing when the same events are delivered again', async () => {
      const duplicatesBefore = await metricValue(engine, 'unlock_engine_duplicate_events_skipped_total', {
        topic: 'chain.evm.log.v1',
      });
      const profileBefore = await profileOf(wallet);
      await publish(producer, topics.chainEvmLog, published);
      await eventually(
        async () => {
          const now = await metricValue(engine, 'unlock_engine_duplicate_events_skipped_total', {
            topic: 'chain.evm.log.v1',
          });
          return now >= duplicatesBefore + published.length ? now : undefined;
        },
        30_000,
        'replayed events seen as duplicates',
      );

      expect(await profileOf(wallet)).toEqual(profileBefore);
      const { rows } = await db.query('SELECT count(*)::int AS n FROM achievements WHERE wallet = $1', [
        wallet,
      ]);
      expect(rows[0].n).toBe(1);
      await outboxDrained(db);
      expect(await walletEventsOnTopic(kafka, producer, topics.unlockAchieved, wallet)).toHaveLength(1);
    });

    it('announces each batch that changed the profile with one profile.updated.v1, and none for replays', async () => {
      await outboxDrained(db);
      const updates = await walletEventsOnTopic(kafka, producer, topics.profileUpdated, wallet);
      // The confirmed mint, then the unconfirmed deciding transfer; the replay above changed nothing.
      expect(updates.map((e) => e.data)).toEqual([
        { wallet, fields: ['balances', 'eventCounts'], confirmed: true },
        { wallet, fields: ['balances', 'eventCounts'], confirmed: false },
      ]);
    });

    it('plays the ceremony with the oracle interpretation once it arrived', async () => {
      await publish(producer, topics.oracleInterpretation, [
        createEnvelope(topics.oracleInterpretation, {
          source: 'oracle',
          data: { wallet, unlockId: trustUnlock, text: 'Trust, earned in two steps.', source: 'claude' },
        }),
      ]);
      const payload = await eventually(
        async () => {
          const response = await call<{ steps: Array<{ kind: string; text?: string; origin?: string }> }>(
            engine,
            'GET',
            `/unlocks/${trustUnlock}/ceremony?address=${wallet.toUpperCase().replace('0X', '0x')}`,
          );
          const step = response.body.steps.find((s) => s.kind === 'interpretation');
          return step?.origin === 'oracle' ? response.body : undefined;
        },
        30_000,
        'ceremony with the interpretation',
      );
      expect(payload.steps).toEqual([
        { index: 0, kind: 'pause', durationMs: 400 },
        { index: 1, kind: 'reveal', text: 'The vault opens' },
        {
          index: 2,
          kind: 'interpretation',
          text: 'Trust, earned in two steps.',
          origin: 'oracle',
          oracleSource: 'claude',
        },
      ]);
    });
  });

  it('revokes the provisional unlock when a reorg orphans the deciding transfer', async () => {
    const wallet = chain.freshWallet();
    await publish(
      producer,
      topics.chainEvmLog,
      await chain.envelopesOf([await chain.mintToken('trust', wallet, parseEther('70'))], true),
    );
    await untilProfile(wallet, (p) => p.balances['TRUST']!.total === parseEther('70').toString(), '70 TRUST');

    const snapshot = await chain.snapshot();
    await chain.markSnapshot(snapshot);
    const deciding = await chain.envelopesOf(
      [await chain.mintToken('trust', wallet, parseEther('40'))],
      false,
    );
    await publish(producer, topics.chainEvmLog, deciding);
    await eventually(
      async () => ((await trustStanding(wallet)).achievement ? true : undefined),
      30_000,
      'provisional achievement',
    );

    const reorg = await chain.reorgTo(snapshot);
    expect(reorg.data.orphanedBlocks.map((b) => b.hash)).toContain(deciding[0]!.data.blockHash);
    expect(await chain.tokenBalance('trust', wallet)).toBe(parseEther('70'));
    await publish(producer, topics.chainEvmReorg, [reorg]);

    const revoked = await eventually(
      async () => {
        const standing = await trustStanding(wallet);
        return standing.achievement === null ? standing : undefined;
      },
      30_000,
      'revocation',
    );
    expect(revoked.met).toBe(false);
    const profile = await profileOf(wallet);
    expect(profile.balances['TRUST']).toEqual({
      total: parseEther('70').toString(),
      confirmed: parseEther('70').toString(),
    });
    expect(profile.eventCounts['Transfer']).toEqual({ total: 1, confirmed: 1 });
    await outboxDrained(db);
    const events = await walletEventsOnTopic(kafka, producer, topics.unlockRevoked, wallet);
    expect(events.map((e) => e.data)).toEqual([
      expect.objectContaining({
        wallet,
        unlockId: trustUnlock,
        reason: expect.stringContaining('reorg on chain'),
      }),
    ]);

    // Delivered again, the reorg finds nothing left to undo.
    await publish(producer, topics.chainEvmReorg, [reorg]);
    await publish(producer, topics.chainEvmLog, deciding);
    await eventually(
      async () =>
        (await metricValue(engine, 'unlock_engine_orphaned_events_skipped_total')) >= 1 ? true : undefined,
      30_000,
      'late log of an orphaned block skipped',
    );
    expect((await profileOf(wallet)).balances['TRUST']!.total).toBe(parseEther('70').toString());
  });

  it('counts votes and proposals from the governor and meets an unlock on them', async () => {
    const voter = chain.freshWallet();
    const governance = `governance-${Date.now().toString(36)}`;
    expect(
      (
        await call(engine, 'POST', '/unlocks', {
          id: governance,
          title: 'Citizen',
          requirements: { all: [{ votes: { min: 1 } }, { proposals: { min: 1 } }] },
          ceremony,
        })
      ).status,
    ).toBe(201);
    const receipts = [
      await chain.mintToken('trust', voter, parseEther('5')),
      ...(await chain.proposeAndVote(voter, `proposal ${governance}`)),
    ];
    await publish(producer, topics.chainEvmLog, await chain.envelopesOf(receipts, true));
    const profile = await untilProfile(voter, (p) => p.votes.total === 1, 'vote counted');
    expect(profile).toMatchObject({
      votes: { total: 1, confirmed: 1 },
      proposals: { total: 1, confirmed: 1 },
    });
    await eventually(
      async () => {
        const standing = (await eligibilityOf(voter)).unlocks.find((u) => u.unlockId === governance);
        return standing?.achievement?.provisional === false ? true : undefined;
      },
      30_000,
      'governance unlock',
    );
  });

  it('reconciliation finds an injected drift, corrects it from the chain, raises an alert and announces the corrected profiles', async () => {
    const wallet = chain.freshWallet();
    const other = chain.freshWallet();
    const receipts = [
      await chain.mintToken('trust', wallet, parseEther('30')),
      await chain.mintCovenant(wallet),
    ];
    await publish(producer, topics.chainEvmLog, await chain.envelopesOf(receipts, true));
    const before = await untilProfile(wallet, (p) => p.nfts.total.length === 1, 'Covenant held');
    const [tokenId] = before.nfts.total;
    await outboxDrained(db);
    const updatesBefore = (await walletEventsOnTopic(kafka, producer, topics.profileUpdated, wallet)).length;

    const consistent = await call<ReconciliationReport>(engine, 'POST', `/reconciliation/${wallet}`);
    expect(consistent.body).toMatchObject({ drift: [], corrected: false });

    await db.query(`UPDATE wallet_balances SET amount = amount + 7 WHERE wallet = $1 AND token = 'TRUST'`, [
      wallet,
    ]);
    // The projection hands the Covenant to another wallet: both profiles are wrong.
    await db.query(`UPDATE nft_ownership SET owner = $2 WHERE owner = $1`, [wallet, other]);
    expect((await profileOf(other)).nfts.total).toEqual([tokenId]);
    const report = await call<ReconciliationReport>(engine, 'POST', `/reconciliation/${wallet}`);
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({
      corrected: true,
      drift: [
        {
          kind: 'balance',
          token: 'TRUST',
          projected: (parseEther('30') + 7n).toString(),
          onChain: parseEther('30').toString(),
        },
        { kind: 'nft', tokenId, projected: false, onChain: true },
      ],
    });
    const after = await profileOf(wallet);
    expect(after.balances['TRUST']!.total).toBe(parseEther('30').toString());
    expect(after.nfts.total).toEqual([tokenId]);
    expect((await profileOf(other)).nfts.total).toEqual([]);
    expect(
      (await call<ReconciliationReport>(engine, 'POST', `/reconciliation/${wallet}`)).body.drift,
    ).toEqual([]);

    // One profile.updated.v1 per corrected profile, none for the consistent runs.
    await outboxDrained(db);
    const updates = await walletEventsOnTopic(kafka, producer, topics.profileUpdated, wallet);
    expect(updates.slice(updatesBefore).map((e) => e.data)).toEqual([
      { wallet, fields: ['balances', 'nfts'], confirmed: true },
    ]);
    expect(
      (await walletEventsOnTopic(kafka, producer, topics.profileUpdated, other)).map((e) => e.data),
    ).toEqual([{ wallet: other, fields: ['nfts'], confirmed: true }]);
    // Written in the correction's transaction: now() (created_at) is that of the alert beside it.
    const { rows: written } = await db.query<{ topic: string; wallet: string }>(
      `SELECT o.topic, o.envelope->>'subject' AS wallet FROM outbox o
       JOIN outbox a ON a.topic = 'alerts.raw.v1' AND a.envelope->>'subject' = $1 AND a.created_at = o.created_at`,
      [wallet],
    );
    const key = (row: { topic: string; wallet: string }) => `${row.topic} ${row.wallet}`;
    expect(written.map(key).sort()).toEqual(
      [`alerts.raw.v1 ${wallet}`, `profile.updated.v1 ${wallet}`, `profile.updated.v1 ${other}`].sort(),
    );

    const alerts = await readTopicUntil(kafka, topics.alertsRaw.name, (messages) =>
      messages.some((m) => m.message.value?.toString().includes(wallet)),
    );
    const alert = alerts
      .map(
        (m) =>
          JSON.parse(m.message.value!.toString()) as {
            data: { labels: Record<string, string>; annotations: Record<string, string> };
          },
      )
      .find((e) => e.data.labels['wallet'] === wallet)!;
    expect(alert.data.labels).toMatchObject({
      alertname: 'unlock_eligibility_mismatch',
      service: 'unlock-engine',
    });
    expect(alert.data.annotations['summary']).toContain('TRUST');
  });

  it('re-evaluates existing wallets in the background when a definition is added, with progress in status', async () => {
    const holder = chain.freshWallet();
    await publish(
      producer,
      topics.chainEvmLog,
      await chain.envelopesOf([await chain.mintToken('trust', holder, parseEther('25'))], true),
    );
    await untilProfile(holder, (p) => p.balances['TRUST']!.total === parseEther('25').toString(), '25 TRUST');
    const id = `trust-20-${Date.now().toString(36)}`;
    const created = await call(engine, 'POST', '/unlocks', {
      id,
      title: 'Holder',
      requirements: { tokenBalance: { token: 'TRUST', min: parseEther('20').toString() } },
      ceremony,
    });
    expect(created.status).toBe(201);

    const job = await eventually(
      async () => {
        const status = (await call<EngineStatus>(engine, 'GET', '/status')).body;
        const found = status.reevaluations.find((j) => j.unlockId === id);
        return found?.status === 'done' ? found : undefined;
      },
      60_000,
      're-evaluation done',
    );
    expect(job.processed).toBeGreaterThanOrEqual(job.total);
    expect(job.progress).toBe(1);
    expect(job.achieved).toBeGreaterThanOrEqual(1);
    const standing = (await eligibilityOf(holder)).unlocks.find((u) => u.unlockId === id);
    expect(standing?.achievement).toMatchObject({ provisional: false, version: 1 });
    expect(
      await metricValue(engine, 'unlock_engine_reevaluation_progress_ratio', { unlock_id: id, version: '1' }),
    ).toBe(1);

    // No interpretation for this one: once the timeout after the achievement passed, the fallback plays.
    const fallback = await call<{ steps: Array<{ kind: string; text?: string; origin?: string }> }>(
      engine,
      'GET',
      `/unlocks/${id}/ceremony?address=${holder}`,
    );
    expect(fallback.body.steps[2]).toEqual({
      index: 2,
      kind: 'interpretation',
      text: 'Your path is your own.',
      origin: 'fallback',
    });
  });

  describe('a crash between recording an achievement and publishing it', () => {
    it('publishes unlock.achieved.v1 exactly once after the engine is killed with SIGKILL', async () => {
      // Deterministic crash point: the first process runs without its outbox relay, so the
      // achievement is recorded (row + outbox row committed) and cannot have been published when
      // the process is killed. The restarted process relays it.
      const crashStorage = await engineStorage('crash');
      const first = await startEngine(crashStorage, { UNLOCK_OUTBOX_RELAY_ENABLED: 'false' });
      const crashDb = await openDatabase(crashStorage);
      try {
        const id = `voucher-${Date.now().toString(36)}`;
        const created = await call(first, 'POST', '/unlocks', {
          id,
          title: 'Voucher holder',
          requirements: { tokenBalance: { token: 'VOUCHER', min: parseEther('5').toString() } },
          ceremony,
        });
        expect(created.status).toBe(201);
        const wallet = chain.freshWallet();
        const envelopes = await chain.envelopesOf(
          [await chain.mintToken('voucher', wallet, parseEther('5'))],
          true,
        );
        await publish(producer, topics.chainEvmLog, envelopes);
        await eventually(
          async () => {
            const { rows } = await crashDb.query(
              `SELECT published_at FROM outbox WHERE topic = 'unlock.achieved.v1' AND envelope->'data'->>'wallet' = $1`,
              [wallet],
            );
            return rows.length === 1 && rows[0].published_at === null ? true : undefined;
          },
          30_000,
          'achievement recorded with its outbox row unpublished',
        );
        first.child.kill('SIGKILL');
        await first.exited;
        expect(first.child.signalCode).toBe('SIGKILL');

        const second = await startEngine(crashStorage);
        try {
          await outboxDrained(crashDb);
          const events = await walletEventsOnTopic(kafka, producer, topics.unlockAchieved, wallet);
          expect(events.map((e) => e.data)).toEqual([
            expect.objectContaining({ wallet, unlockId: id, provisional: false }),
          ]);
          const { rows } = await crashDb.query(
            'SELECT count(*)::int AS n FROM achievements WHERE wallet = $1',
            [wallet],
          );
          expect(rows[0].n).toBe(1);
        } finally {
          expect(await second.stop()).toBe(0);
        }
      } finally {
        await first.stop();
        await crashDb.end();
      }
    });
  });
});
