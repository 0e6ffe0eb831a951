// Part of `nx run api-gateway:bench`: the end-to-end time from a TRUST Transfer mined on Hardhat to
// the unlock it completes arriving on a Socket.IO client of the gateway — through the real
// chain-indexer (confirmations 0), Kafka, the unlock-engine (evaluation + outbox relay), Kafka again
// and the gateway's live fan-out. Starts its own Kafka, PostgreSQL and Hardhat. Prints one JSON object.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoTokenAbi } from '@convergence/contracts';
import { startStack } from '@convergence/dev-stack';
import { type ServiceProcess, spawnService, waitForReady } from '@convergence/service-kit/testing';
import { io } from 'socket.io-client';
import { createPublicClient, createWalletClient, defineChain, http, parseEther } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { bearer, postJson, signIn } from '../src/testing/sign-in';

const TRANSFERS = Number(process.env['BENCH_TRANSFERS'] ?? 50);
const POLL_MS = process.env['BENCH_INDEXER_POLL_MS'] ?? '50';
const OUTBOX_POLL_MS = process.env['BENCH_OUTBOX_POLL_MS'] ?? '20';
const DOMAIN = 'bench.convergence.test';

const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'convergence-gw-e2e-bench-'));
  const stack = await startStack({ rootDir: dir, withHardhat: true, withDemo: false });
  const evm = stack.evm!;
  const suffix = randomBytes(3).toString('hex');
  const common = {
    DATABASE_URL: stack.databaseUrl,
    KAFKA_BROKERS: stack.kafkaBrokers.join(','),
    EVM_RPC_URL: evm.rpcUrl,
    EVM_CHAIN_ID: String(evm.chainId),
    CONTRACTS_FILE: evm.contractsFile,
    LOG_LEVEL: 'warn',
  };
  const admin = privateKeyToAccount(generatePrivateKey());
  const services: ServiceProcess[] = [];
  try {
    services.push(
      await spawnService('chain-indexer', {
        ...common,
        DATABASE_SCHEMA: `ci_${suffix}`,
        EVM_CONFIRMATIONS: '0',
        EVM_POLL_INTERVAL_MS: POLL_MS,
      }),
      await spawnService('unlock-engine', {
        ...common,
        DATABASE_SCHEMA: `ue_${suffix}`,
        UNLOCK_OUTBOX_POLL_MS: OUTBOX_POLL_MS,
        UNLOCK_RECONCILE_INTERVAL_MS: '0',
      }),
    );
    await Promise.all(services.map((s) => waitForReady(s)));
    const gateway = await spawnService('api-gateway', {
      ...common,
      DATABASE_SCHEMA: `gw_${suffix}`,
      JWT_SECRET: randomBytes(32).toString('hex'),
      SIWE_DOMAIN: DOMAIN,
      ADMIN_WALLETS: admin.address,
      UPSTREAM_CHAIN_INDEXER_URL: services[0]!.url,
      UPSTREAM_UNLOCK_ENGINE_URL: services[1]!.url,
    });
    services.push(gateway);
    await waitForReady(gateway);

    const tokens = await signIn(gateway.url, admin, DOMAIN);
    const created = await postJson(
      `${gateway.url}/api/admin/unlocks`,
      {
        id: 'bench-trust-100',
        title: 'Trusted',
        requirements: { tokenBalance: { token: 'TRUST', min: parseEther('100').toString() } },
        ceremony: { steps: [{ kind: 'reveal', text: 'The vault opens' }] },
      },
      bearer(tokens),
    );
    if (created.status !== 201)
      throw new Error(`creating the unlock answered ${created.status}: ${await created.text()}`);

    const chain = defineChain({
      id: evm.chainId,
      name: 'hardhat',
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: { default: { http: [evm.rpcUrl] } },
    });
    const client = createPublicClient({ chain, transport: http(evm.rpcUrl), pollingInterval: 20 });
    const deployer = createWalletClient({
      account: privateKeyToAccount(evm.accounts[0]!),
      chain,
      transport: http(evm.rpcUrl),
    });
    const trust = evm.deployment.contracts.trust.address;
    await client.waitForTransactionReceipt({
      hash: await deployer.writeContract({
        address: trust,
        abi: demoTokenAbi,
        functionName: 'mint',
        args: [deployer.account.address, parseEther(String(100 * (TRANSFERS + 5)))],
      }),
    });

    const socket = io(`${gateway.url}/live`, {
      auth: { token: tokens.accessToken },
      transports: ['websocket'],
      reconnection: false,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const arrivals = new Map<string, (at: number) => void>();
    socket.on('unlock.achieved.v1', (event: { data: { wallet: string } }) =>
      arrivals.get(event.data.wallet)?.(performance.now()),
    );

    const latencies: number[] = [];
    for (let i = 0; i < TRANSFERS; i++) {
      const wallet = privateKeyToAccount(generatePrivateKey()).address.toLowerCase() as `0x${string}`;
      const ack = (await socket.emitWithAck('subscribe', { wallet })) as { ok: boolean };
      if (!ack.ok) throw new Error('subscribe refused');
      const arrived = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no unlock for transfer ${i} within 30 s`)), 30_000);
        arrivals.set(wallet, (at) => {
          clearTimeout(timer);
          resolve(at);
        });
      });
      // Hardhat mines on submission (automine): the transfer is in a block when the hash comes back.
      await deployer.writeContract({
        address: trust,
        abi: demoTokenAbi,
        functionName: 'transfer',
        args: [wallet, parseEther('100')],
      });
      const minedAt = performance.now();
      latencies.push((await arrived) - minedAt);
      arrivals.delete(wallet);
    }
    socket.disconnect();
    const sorted = [...latencies].sort((a, b) => a - b);
    process.stdout.write(
      `${JSON.stringify(
        {
          bench: 'api-gateway transfer mined -> WebSocket unlock',
          transfers: TRANSFERS,
          confirmations: 0,
          indexerPollMs: Number(POLL_MS),
          outboxPollMs: Number(OUTBOX_POLL_MS),
          node: process.version,
          latencyMs: {
            p50: Number(percentile(sorted, 0.5).toFixed(1)),
            p99: Number(percentile(sorted, 0.99).toFixed(1)),
            min: Number(sorted[0]!.toFixed(1)),
            max: Number(sorted[sorted.length - 1]!.toFixed(1)),
          },
        },
        null,
        2,
      )}\n`,
    );
  } catch (error) {
    for (const s of services) process.stderr.write(`service output:\n${s.output().slice(-2_000)}\n`);
    throw error;
  } finally {
    for (const s of services.reverse()) await s.stop();
    await stack.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
