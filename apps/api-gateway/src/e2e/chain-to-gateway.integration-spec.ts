import { randomBytes } from 'node:crypto';
import { demoTokenAbi } from '@convergence/contracts';
import { createWorkerDatabase, TestChain } from '@convergence/dev-stack';
import { eventually } from '@convergence/messaging/testing';
import { type ServiceProcess, spawnService, waitForReady } from '@convergence/service-kit/testing';
import { type Socket, io } from 'socket.io-client';
import { createWalletClient, http, parseEther } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { type GatewayUnderTest, SIWE_DOMAIN, startGateway } from '../testing/gateway.process';
import { type Tokens, bearer, postJson, signIn } from '../testing/sign-in';

interface ChainView {
  chainId: number;
  head: string | null;
  indexedBlock: string | null;
  reindex: { fromBlock: string; targetBlock: string | null; progress: number | null; done: boolean } | null;
}

/**
 * The real chain-indexer and unlock-engine behind the real gateway, on the shared Kafka, Postgres
 * and Hardhat node: each service in its own schema and consumer groups (suffixed per run), so other
 * suites' consumers and ours do not take each other's messages.
 */
describe('chain-indexer and unlock-engine behind the gateway', () => {
  const chain = new TestChain();
  const suffix = randomBytes(3).toString('hex');
  const admin = privateKeyToAccount(generatePrivateKey());
  const operator = privateKeyToAccount(generatePrivateKey());
  const holder = privateKeyToAccount(generatePrivateKey());
  let indexer: ServiceProcess;
  let unlockEngine: ServiceProcess;
  let gw: GatewayUnderTest;
  let adminTokens: Tokens;
  let operatorTokens: Tokens;
  let holderTokens: Tokens;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    const databaseUrl = await createWorkerDatabase();
    const shared = {
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: process.env['KAFKA_BROKERS'] ?? '',
      EVM_RPC_URL: chain.rpcUrl,
      EVM_CHAIN_ID: String(chain.chain.id),
      CONTRACTS_FILE: process.env['TEST_CONTRACTS_FILE'] ?? '',
      LOG_LEVEL: 'warn',
    };
    [indexer, unlockEngine] = await Promise.all([
      spawnService('chain-indexer', {
        ...shared,
        DATABASE_SCHEMA: `ci_gw_${suffix}`,
        KAFKA_CONSUMER_GROUP_PREFIX: `ci-gw-${suffix}.`,
        EVM_CONFIRMATIONS: '0',
        EVM_POLL_INTERVAL_MS: '100',
      }),
      spawnService('unlock-engine', {
        ...shared,
        DATABASE_SCHEMA: `ue_gw_${suffix}`,
        KAFKA_CONSUMER_GROUP_PREFIX: `ue-gw-${suffix}.`,
        UNLOCK_RECONCILE_INTERVAL_MS: '0',
      }),
    ]);
    await Promise.all([waitForReady(indexer), waitForReady(unlockEngine)]);
    gw = await startGateway({
      ADMIN_WALLETS: admin.address,
      OPERATOR_WALLETS: operator.address,
      RATE_LIMIT_MAX: '10000',
      UPSTREAM_CHAIN_INDEXER_URL: indexer.url,
      UPSTREAM_UNLOCK_ENGINE_URL: unlockEngine.url,
    });
    [adminTokens, operatorTokens, holderTokens] = await Promise.all([
      signIn(gw.url, admin, SIWE_DOMAIN),
      signIn(gw.url, operator, SIWE_DOMAIN),
      signIn(gw.url, holder, SIWE_DOMAIN),
    ]);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await gw?.stop();
    await Promise.all([indexer?.stop(), unlockEngine?.stop()]);
  });

  async function subscribedSocket(tokens: Tokens, wallet: string): Promise<Socket> {
    const socket = io(`${gw.url}/live`, {
      auth: { token: tokens.accessToken },
      transports: ['websocket'],
      reconnection: false,
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    expect(await socket.emitWithAck('subscribe', { wallet })).toEqual({ ok: true, room: `wallet:${wallet}` });
    return socket;
  }

  it('delivers a TRUST transfer that crosses a threshold to the wallet’s WebSocket as unlock.achieved', async () => {
    const unlockId = `trust-100-${suffix}`;
    const created = await postJson(
      `${gw.url}/api/admin/unlocks`,
      {
        id: unlockId,
        title: 'Trusted',
        requirements: { tokenBalance: { token: 'TRUST', min: parseEther('100').toString() } },
        ceremony: { steps: [{ kind: 'reveal', text: 'The vault opens' }] },
      },
      bearer(adminTokens),
    );
    expect(created.status).toBe(201);

    const wallet = holder.address.toLowerCase();
    const socket = await subscribedSocket(holderTokens, wallet);
    const achieved = new Promise<{ data: Record<string, unknown> }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no unlock.achieved.v1 within 60 s')), 60_000);
      socket.on('unlock.achieved.v1', (event: { data: Record<string, unknown> }) => {
        if (event.data['unlockId'] !== unlockId) return;
        clearTimeout(timer);
        resolve(event);
      });
    });

    const trust = chain.sharedDeployment().contracts.trust.address;
    const minter = await chain.devAccount();
    const wallet0 = createWalletClient({
      account: minter,
      chain: chain.chain,
      transport: http(chain.rpcUrl),
    });
    await chain.client.waitForTransactionReceipt({
      hash: await wallet0.writeContract({
        address: trust,
        abi: demoTokenAbi,
        functionName: 'mint',
        args: [minter, parseEther('150')],
      }),
    });
    // 60 TRUST: below the threshold, nothing is achieved yet.
    await chain.client.waitForTransactionReceipt({
      hash: await wallet0.writeContract({
        address: trust,
        abi: demoTokenAbi,
        functionName: 'transfer',
        args: [holder.address, parseEther('60')],
      }),
    });
    const standing = await eventually(async () => {
      const response = await fetch(`${gw.url}/api/unlocks/eligibility?address=${wallet}`, {
        headers: bearer(holderTokens),
      });
      const body = (await response.json()) as {
        unlocks: { unlockId: string; met: boolean; nodes?: unknown }[];
      };
      const unlock = body.unlocks?.find((u) => u.unlockId === unlockId);
      return unlock && JSON.stringify(unlock).includes(parseEther('60').toString()) ? unlock : undefined;
    }, 60_000);
    expect(standing.met).toBe(false);

    // The transfer that takes the wallet to 100 TRUST.
    await chain.client.waitForTransactionReceipt({
      hash: await wallet0.writeContract({
        address: trust,
        abi: demoTokenAbi,
        functionName: 'transfer',
        args: [holder.address, parseEther('40')],
      }),
    });
    const event = await achieved;
    expect(event.data).toMatchObject({ wallet, unlockId, unlockVersion: 1 });
  });

  describe('the indexer routes, against the real chain-indexer', () => {
    const chainId = () => chain.chain.id;
    const get = async <T>(path: string) => {
      const response = await fetch(`${gw.url}${path}`, { headers: bearer(operatorTokens) });
      return { status: response.status, body: (await response.json()) as T };
    };

    it('lists the chains with head and indexed block (GET /chains)', async () => {
      const { status, body } = await get<ChainView[]>('/api/operator/indexer/status');
      expect(status).toBe(200);
      expect(body).toEqual([
        expect.objectContaining({ chainId: chainId(), head: expect.stringMatching(/^\d+$/) }),
      ]);
    });

    it('re-indexes from a block and shows the target and progress until it is reached', async () => {
      const before = await eventually(async () => {
        const { body } = await get<ChainView>(`/api/operator/indexer/chains/${chainId()}`);
        return body.indexedBlock !== null && body.indexedBlock === body.head ? body : undefined;
      }, 60_000);
      expect(before.reindex).toBeNull();
      const fromBlock = String(Math.max(0, Number(before.head) - 3));

      const response = await postJson(
        `${gw.url}/api/operator/indexer/reindex`,
        { chainId: chainId(), fromBlock: Number(fromBlock) },
        bearer(operatorTokens),
      );
      expect(response.status).toBe(202);
      const accepted = (await response.json()) as ChainView;
      expect(accepted.reindex).toMatchObject({ fromBlock, targetBlock: accepted.head });

      const done = await eventually(async () => {
        const { body } = await get<ChainView>(`/api/operator/indexer/chains/${chainId()}`);
        return body.reindex?.done ? body : undefined;
      }, 60_000);
      expect(done.reindex).toMatchObject({ fromBlock, targetBlock: accepted.head, progress: 1 });
      expect(BigInt(done.indexedBlock!)).toBeGreaterThanOrEqual(BigInt(accepted.head!));
    });

    it("passes on the indexer's 404 for a chain it does not index, and refuses a bad block", async () => {
      const missing = await get<{ detail: string }>('/api/operator/indexer/chains/424242');
      expect(missing.status).toBe(404);
      const bad = await postJson(
        `${gw.url}/api/operator/indexer/reindex`,
        { chainId: chainId(), fromBlock: 'latest' },
        bearer(operatorTokens),
      );
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
        'fromBlock',
      ]);
    });

    it('shows indexer head against chain head on /health/sync and the board', async () => {
      const sync = (await (await fetch(`${gw.url}/health/sync`)).json()) as {
        source: string;
        chains: ChainView[];
      };
      expect(sync.source).toBe('chain-indexer');
      expect(sync.chains.map((c) => c.chainId)).toEqual([chainId()]);
      const board = (await (await fetch(`${gw.url}/health`)).json()) as {
        services: Record<string, { ready: string; status?: ChainView[] }>;
      };
      expect(board.services['chain-indexer']).toMatchObject({
        ready: 'up',
        status: [expect.objectContaining({ chainId: chainId() })],
      });
    });
  });
});
