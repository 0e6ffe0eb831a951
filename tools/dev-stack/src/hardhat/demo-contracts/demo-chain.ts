import {
  BaseError,
  ContractFunctionRevertedError,
  createTestClient,
  http,
  parseEventLogs,
  type Abi,
  type ContractEventName,
  type Hash,
  type TransactionReceipt,
} from 'viem';
import type { DemoDeployment } from '@convergence/contracts';
import {
  chainClients,
  deployDemoContracts,
  mined,
  startHardhat,
  type ChainClients,
  type DeployDemoOptions,
  type DevWalletClient,
  type HardhatNode,
} from '..';

/** A Hardhat node with the demo contracts deployed and wallets for the roles the specs play. */
export interface DemoChain {
  node: HardhatNode;
  deployment: DemoDeployment;
  publicClient: ChainClients['publicClient'];
  /** Deployer: DEFAULT_ADMIN, PAUSER and MINTER everywhere. */
  admin: DevWalletClient;
  /** Holds ORACLE_ROLE on the OpinionMarket. */
  oracle: DevWalletClient;
  /** Plain accounts with no roles. */
  alice: DevWalletClient;
  bob: DevWalletClient;
  carol: DevWalletClient;
  /** Awaits a write and its receipt; throws if it reverted. */
  send(hash: Promise<Hash>): Promise<TransactionReceipt>;
  /** Mines `blocks` empty blocks. */
  mine(blocks: number): Promise<void>;
  stop(): Promise<void>;
}

/** Per-test and per-hook budget: Jest ignores a project's `testTimeout` when run from the root multi-project config. */
export const CHAIN_TIMEOUT_MS = 60_000;

/**
 * Registers beforeAll/afterAll that start and stop a demo chain; the returned object is filled in by beforeAll.
 * afterAll awaits a start that outlived its hook, so a slow machine never leaves a node (and Jest) running.
 * @example const chain = useDemoChain(); it('…', async () => { await chain.send(…); });
 */
export function useDemoChain(options: DeployDemoOptions = {}): DemoChain {
  jest.setTimeout(CHAIN_TIMEOUT_MS);
  const chain = {} as DemoChain;
  let starting: Promise<DemoChain> | undefined;
  beforeAll(async () => {
    starting = startDemoChain(options);
    Object.assign(chain, await starting);
  }, CHAIN_TIMEOUT_MS);
  afterAll(async () => {
    const started = await starting?.catch(() => undefined);
    await started?.stop();
  }, CHAIN_TIMEOUT_MS);
  return chain;
}

/**
 * Starts a node on a free port and deploys the demo contracts (account #1 is the oracle).
 * @example let chain: DemoChain; beforeAll(async () => (chain = await startDemoChain())); afterAll(() => chain.stop());
 */
export async function startDemoChain(options: DeployDemoOptions = {}): Promise<DemoChain> {
  const node = await startHardhat();
  try {
    const { chain, publicClient, wallet } = chainClients(node.rpcUrl, node.chainId);
    const testClient = createTestClient({ mode: 'hardhat', chain, transport: http(node.rpcUrl) });
    const [admin, oracle, alice, bob, carol] = node.accounts.slice(0, 5).map(wallet) as [
      DevWalletClient,
      DevWalletClient,
      DevWalletClient,
      DevWalletClient,
      DevWalletClient,
    ];
    const deployment = await deployDemoContracts(node.rpcUrl, node.accounts[0]!, {
      oracle: oracle.account.address,
      ...options,
    });
    return {
      node,
      deployment,
      publicClient,
      admin,
      oracle,
      alice,
      bob,
      carol,
      send: async (hash) => mined(publicClient, await hash),
      mine: (blocks) => testClient.mine({ blocks }),
      stop: () => node.stop(),
    };
  } catch (error) {
    await node.stop();
    throw error;
  }
}

/**
 * Resolves with the custom error's args when `action` reverts with `errorName`; fails the test otherwise.
 * @example const [account, role] = await expectRevert(write(), 'AccessControlUnauthorizedAccount');
 */
export async function expectRevert(action: Promise<unknown>, errorName: string): Promise<readonly unknown[]> {
  let caught: unknown;
  try {
    await action;
  } catch (error) {
    caught = error;
  }
  if (caught === undefined) throw new Error(`Expected a revert with ${errorName}, but the call succeeded`);
  const reverted =
    caught instanceof BaseError ? caught.walk((e) => e instanceof ContractFunctionRevertedError) : undefined;
  if (!(reverted instanceof ContractFunctionRevertedError)) throw caught;
  if (reverted.data?.errorName !== errorName) {
    throw new Error(`Expected ${errorName}, got ${reverted.data?.errorName ?? reverted.shortMessage}`);
  }
  return reverted.data.args ?? [];
}

/**
 * Decoded `eventName` logs of `abi` in a receipt (logs of other contracts/events are skipped).
 * @example const [log] = eventsOf(receipt, demoTokenAbi, 'Transfer'); expect(log?.args.value).toBe(1n);
 */
export function eventsOf<const TAbi extends Abi, TEventName extends ContractEventName<TAbi>>(
  receipt: TransactionReceipt,
  abi: TAbi,
  eventName: TEventName,
) {
  return parseEventLogs({ abi, eventName, logs: receipt.logs });
}
