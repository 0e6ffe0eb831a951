import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localNodeTransport, startStack } from '@convergence/dev-stack';
import { transferBurstAbi, transferBurstBytecode } from '@convergence/contracts';
import {
  type Address,
  type Chain,
  createPublicClient,
  createTestClient,
  createWalletClient,
  defineChain,
  getAddress,
  type Hash,
  type Hex,
  parseEther,
  type PublicClient,
  type TestClient,
  type Transport,
} from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';

/** A Hardhat node of a test's own (evm_snapshot / evm_revert without disturbing other tests). */
export interface PrivateChain {
  readonly rpcUrl: string;
  readonly chainId: number;
  readonly publicClient: PublicClient<Transport, Chain>;
  readonly testClient: TestClient<'hardhat', Transport, Chain>;
  /** A TransferBurst deployed by a fresh random account, so its address is unique across test runs. */
  deployBurst(): Promise<BurstContract>;
  /** Every block hash seen on this node so far (call before each revert to remember the orphaned ones). */
  recordBlocks(): Promise<ReadonlySet<string>>;
  stop(): Promise<void>;
}

export interface BurstContract {
  readonly address: Address;
  readonly deployBlock: bigint;
  /** One transaction (one block, automine) emitting `count` Transfers; resolves with its block. */
  burst(count: number, firstValue?: bigint): Promise<{ blockNumber: bigint; blockHash: Hash }>;
}

/**
 * Starts a Hardhat node with the dev stack's settings (chain 31337, automine), reusing the test
 * stack's Postgres and Kafka (nothing else is started).
 */
export async function startPrivateChain(): Promise<PrivateChain> {
  const dir = await mkdtemp(join(tmpdir(), 'chain-indexer-chain-'));
  const stack = await startStack({
    rootDir: dir,
    withHardhat: true,
    env: {
      DATABASE_URL: process.env['TEST_DATABASE_ADMIN_URL'],
      KAFKA_BROKERS: process.env['KAFKA_BROKERS'],
    },
  });
  const evm = stack.evm!;
  const chain = defineChain({
    id: evm.chainId,
    name: 'private hardhat',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [evm.rpcUrl] } },
  });
  const transport = localNodeTransport(evm.rpcUrl);
  const publicClient = createPublicClient({ chain, transport, pollingInterval: 50 });
  const testClient = createTestClient({ chain, transport, mode: 'hardhat' });
  const seen = new Set<string>();

  return {
    rpcUrl: evm.rpcUrl,
    chainId: evm.chainId,
    publicClient,
    testClient,
    async deployBurst() {
      const key: Hex = generatePrivateKey();
      const account = privateKeyToAccount(key);
      await testClient.setBalance({ address: account.address, value: parseEther('100') });
      const wallet = createWalletClient({ account, chain, transport, pollingInterval: 50 });
      const deployHash = await wallet.deployContract({
        abi: transferBurstAbi,
        bytecode: transferBurstBytecode,
        args: [account.address],
      });
      const deployed = await publicClient.waitForTransactionReceipt({ hash: deployHash });
      const address = getAddress(deployed.contractAddress!);
      let nextValue = 1n;
      return {
        address,
        deployBlock: deployed.blockNumber,
        async burst(count, firstValue) {
          const value = firstValue ?? nextValue;
          nextValue = value + BigInt(count);
          const hash = await wallet.writeContract({
            address,
            abi: transferBurstAbi,
            functionName: 'burst',
            args: [account.address, address, BigInt(count), value],
          });
          const receipt = await publicClient.waitForTransactionReceipt({ hash });
          return { blockNumber: receipt.blockNumber, blockHash: receipt.blockHash };
        },
      };
    },
    async recordBlocks() {
      const head = await publicClient.getBlockNumber();
      for (let n = 0n; n <= head; n++)
        seen.add((await publicClient.getBlock({ blockNumber: n })).hash.toLowerCase());
      return seen;
    },
    async stop() {
      await stack.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
