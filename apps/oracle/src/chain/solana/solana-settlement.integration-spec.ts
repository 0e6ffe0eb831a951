import { randomBytes } from 'node:crypto';
import { BN } from '@coral-xyz/anchor';
import { createWorkerDatabase } from '@convergence/dev-stack';
import { eventually } from '@convergence/messaging/testing';
import { type ServiceProcess, spawnService, waitForReady } from '@convergence/service-kit/testing';
import { SolanaLedger, startSolanaRpcShim, type SolanaRpcShim } from '@convergence/solana-rpc-shim';
import { Connection, Keypair, LAMPORTS_PER_SOL, PublicKey } from '@solana/web3.js';
import { OracleDb } from '../../testing/oracle-db';
import { devKey } from '../../testing/test-market-chain';
import { TransactionTracker } from '../transaction-tracker';
import { OracleMetrics } from '../../metrics/oracle.metrics';
import { opinionMarketIdl } from '@convergence/contracts';
import { SolanaMarketAdapter, SolanaSendError } from './solana-market.adapter';
import { marketAddressOf, opinionMarketCoder } from './solana-market.codec';
import { Registry } from 'prom-client';
import pino from 'pino';

type Status = 'Open' | 'Closed' | 'RandomnessRequested' | 'RandomnessFulfilled' | 'Settled';

/**
 * The Solana adapter against the solana-rpc-shim (a JSON-RPC server over litesvm, a real SVM). No
 * opinion_market program can be built here (no SBF toolchain), so Market accounts are written into the
 * SVM with Anchor-encoded data — as the program would leave them — and every instruction goes to a
 * program id with nothing deployed: the cluster refuses it, and settlement must fail with that reason.
 */
describe('oracle on Solana: the opinion_market adapter against the litesvm RPC shim', () => {
  const programId = new PublicKey(opinionMarketIdl.address);
  const oracleKeypair = Keypair.generate();
  let ledger: SolanaLedger;
  let shim: SolanaRpcShim;
  let connection: Connection;
  let adapter: SolanaMarketAdapter;

  beforeAll(async () => {
    ledger = new SolanaLedger({ finalityDepth: 2 });
    shim = await startSolanaRpcShim({ ledger });
    connection = new Connection(shim.url, 'confirmed');
    // The shim executes the airdrop (a real system transfer) before it answers.
    await connection.requestAirdrop(oracleKeypair.publicKey, 2 * LAMPORTS_PER_SOL);
    const metrics = new OracleMetrics(new Registry(), pino({ enabled: false }));
    adapter = new SolanaMarketAdapter({
      connection,
      programId,
      signer: oracleKeypair,
      clusterId: 900,
      transactions: new TransactionTracker('solana-test', metrics, () => new Date()),
      confirmTimeoutMs: 10_000,
      confirmPollMs: 50,
    });
  });

  afterAll(async () => {
    await shim?.close();
  });

  /** Writes a Market account at the market's PDA, owned by the program, as the program would. */
  async function writeMarket(
    marketId: bigint,
    fields: {
      status: Status;
      statement: string;
      stakes: Array<{ staker: PublicKey; amount: bigint; hash: Buffer }>;
    },
  ): Promise<PublicKey> {
    const total = fields.stakes.reduce((sum, s) => sum + s.amount, 0n);
    const data = await opinionMarketCoder.accounts.encode('Market', {
      market_id: new BN(marketId.toString()),
      creator: oracleKeypair.publicKey,
      statement: fields.statement,
      closes_at: new BN(Math.floor(Date.now() / 1_000) + 3_600),
      status: { [fields.status]: {} },
      total_staked: new BN(total.toString()),
      sentiment_recorded: false,
      sentiment_score: 0,
      sentiment_confidence: 0,
      request_id: new BN(0),
      winner: PublicKey.default,
      stakes: fields.stakes.map((s) => ({
        staker: s.staker,
        amount: new BN(s.amount.toString()),
        opinion_hash: [...s.hash],
      })),
      bump: 255,
    });
    const address = marketAddressOf(programId, marketId);
    ledger.svm.setAccount({
      address: address.toBase58(),
      data: new Uint8Array(data),
      executable: false,
      lamports: BigInt(LAMPORTS_PER_SOL),
      programAddress: programId.toBase58(),
      space: BigInt(data.length),
    } as unknown as Parameters<typeof ledger.svm.setAccount>[0]);
    return address;
  }

  it('reads a Market account written into the SVM back as the market settlement sees', async () => {
    const staker = Keypair.generate().publicKey;
    const hash = randomBytes(32);
    await writeMarket(41n, {
      status: 'Closed',
      statement: 'SOL flips ETH',
      stakes: [{ staker, amount: 5_000n, hash }],
    });

    expect(await adapter.readMarket('41')).toMatchObject({ status: 'closed', totalStaked: 5_000n });
    expect(await adapter.readMarketAccount('41')).toMatchObject({
      marketId: 41n,
      statement: 'SOL flips ETH',
      stakes: [{ staker: staker.toBase58(), amount: 5_000n, opinionHash: `0x${hash.toString('hex')}` }],
    });
    await expect(adapter.readMarket('42')).rejects.toThrow(/market 42 has no account/);
    const clock = ledger.svm.getClock();
    expect((await adapter.chainTime()).getTime()).toBe(Number(clock.unixTimestamp) * 1_000);
    expect(await adapter.signerBalance()).toBe(2);
  });

  it('encodes each settlement instruction per the IDL, with the market and the oracle as its accounts', () => {
    const call = adapter.prepare('recordSentiment', '41', { score: 61.4, confidence: 1.5 });
    expect(opinionMarketCoder.instruction.decode(Buffer.from(call.data, 'base64'))).toEqual({
      name: 'record_sentiment',
      data: { score: 61, confidence: 75 },
    });
    expect(call).toMatchObject({
      to: programId.toBase58(),
      accounts: [
        { pubkey: marketAddressOf(programId, 41n).toBase58(), isSigner: false, isWritable: true },
        { pubkey: oracleKeypair.publicKey.toBase58(), isSigner: true, isWritable: false },
      ],
    });
    for (const [name, ix] of [
      ['requestRandomness', 'request_randomness'],
      ['settleLottery', 'settle'],
      ['closeMarket', 'close_market'],
    ] as const) {
      expect(
        opinionMarketCoder.instruction.decode(Buffer.from(adapter.prepare(name, '41').data, 'base64'))?.name,
      ).toBe(ix);
    }
  });

  it('fails clearly, and for good, when the program is not deployed', async () => {
    const sent = adapter.send(adapter.prepare('recordSentiment', '41', { score: 50, confidence: 1 }));
    await expect(sent).rejects.toThrow(SolanaSendError);
    await expect(sent).rejects.toMatchObject({
      retryable: false,
      message: expect.stringMatching(
        new RegExp(
          `^recordSentiment to program ${programId.toBase58()} was refused \\(is the program deployed\\?\\)`,
        ),
      ),
    });
  });

  describe('the oracle with SETTLEMENT_CHAIN=solana', () => {
    let oracle: ServiceProcess | undefined;
    let db: OracleDb | undefined;

    afterAll(async () => {
      await oracle?.stop();
      await db?.end();
    });

    it('syncs a closed market from its account and records why its settlement failed instead of hanging', async () => {
      const suffix = randomBytes(3).toString('hex');
      const databaseUrl = await createWorkerDatabase();
      const schema = `oracle_solana_${suffix}`;
      oracle = await spawnService('oracle', {
        DATABASE_URL: databaseUrl,
        DATABASE_SCHEMA: schema,
        KAFKA_BROKERS: process.env['KAFKA_BROKERS'] ?? '',
        KAFKA_CONSUMER_GROUP_PREFIX: `os-${suffix}.`,
        KAFKA_SESSION_TIMEOUT_MS: '6000',
        // The EVM side stays configured (POST /markets, interpretations) but its log reader is off.
        EVM_RPC_URL: process.env['EVM_RPC_URL']!,
        EVM_CHAIN_ID: process.env['EVM_CHAIN_ID']!,
        CONTRACTS_FILE: process.env['TEST_CONTRACTS_FILE']!,
        ORACLE_PRIVATE_KEY: devKey(19),
        SETTLEMENT_CHAIN: 'solana',
        SOLANA_RPC_URL: shim.url,
        SOLANA_ORACLE_PRIVATE_KEY: JSON.stringify([...oracleKeypair.secretKey]),
        SOLANA_CLUSTER_ID: '900',
        SOLANA_CLUSTER_NAME: 'solana-shim',
        CHAIN_POLL_INTERVAL_MS: '200',
        SETTLEMENT_POLL_INTERVAL_MS: '100',
        SETTLEMENT_RETRY_BASE_MS: '200',
        SETTLEMENT_LEASE_MS: '2000',
        MONITOR_INTERVAL_MS: '1000',
        ANTHROPIC_API_KEY: '',
      });
      await waitForReady(oracle);
      db = await new OracleDb(databaseUrl, schema).connect();
      // Market 1 (ids start at 1): closed, one stake.
      await writeMarket(1n, {
        status: 'Closed',
        statement: 'Solana market one',
        stakes: [{ staker: Keypair.generate().publicKey, amount: 7n, hash: randomBytes(32) }],
      });

      const market = await eventually(
        async () => {
          const res = await fetch(`${oracle!.url}/markets/900:1`);
          return res.status === 200 ? ((await res.json()) as Record<string, unknown>) : undefined;
        },
        20_000,
        'solana market synced',
      );
      expect(market).toMatchObject({
        statement: 'Solana market one',
        status: 'closed',
        stakes: 1,
        totalStaked: '7',
      });

      const job = await eventually(
        async () => {
          const row = await db!.job(1n);
          return row?.state === 'failed' ? row : undefined;
        },
        60_000,
        'settlement failed',
      );
      expect(job.failure_reason).toMatch(
        new RegExp(
          `^analyzing failed: recordSentiment to program ${programId.toBase58()} was refused \\(is the program deployed\\?\\)`,
        ),
      );
      expect(await db.settlementStates(1n)).toEqual(['queued', 'analyzing', 'failed']);
      // Raised right after the failed state commits.
      await eventually(
        async () => ((await db!.alertNames()).includes('OracleSettlementFailed') ? true : undefined),
        10_000,
        'OracleSettlementFailed raised',
      );
    });
  });
});
