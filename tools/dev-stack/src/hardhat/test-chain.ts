import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type DemoContractKey,
  type DemoDeployment,
  covenantAbi,
  covenantBytecode,
  demoTokenAbi,
  demoTokenBytecode,
} from '@convergence/contracts';
import {
  type Address,
  type Hash,
  type Hex,
  createPublicClient,
  createWalletClient,
  defineChain,
  http,
  numberToHex,
  parseEther,
} from 'viem';

/**
 * The Hardhat node of the Jest global setup (EVM_RPC_URL, TEST_CONTRACTS_FILE) for integration tests:
 * its unlocked dev accounts deploy contracts of the test's own, administered by whoever the test says
 * (pausing those disturbs no other suite, as pausing the shared demo deployment would), and impersonate
 * any address (a multisig) to execute a proposal.
 */
export class TestChain {
  readonly rpcUrl = required('EVM_RPC_URL');
  readonly chain = defineChain({
    id: Number(process.env['EVM_CHAIN_ID'] ?? 31337),
    name: 'hardhat',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [this.rpcUrl] } },
  });
  readonly client = createPublicClient({
    chain: this.chain,
    transport: http(this.rpcUrl),
    pollingInterval: 50,
  });

  /** The shared demo deployment (do not pause it: other suites use it). */
  sharedDeployment(): DemoDeployment {
    return JSON.parse(readFileSync(required('TEST_CONTRACTS_FILE'), 'utf8')) as DemoDeployment;
  }

  /** A dev account that holds ETH and signs through the node (eth_sendTransaction). */
  async devAccount(): Promise<Address> {
    const [first] = (await this.client.request({ method: 'eth_accounts' as never })) as Address[];
    if (!first) throw new Error('the node has no unlocked accounts');
    return first;
  }

  async fund(address: Address): Promise<void> {
    await this.client.request({
      method: 'hardhat_setBalance' as never,
      params: [address, numberToHex(parseEther('100'))] as never,
    });
  }

  /** Deploys a DemoToken (as `trust` / `voucher`) or Covenant whose admin and pauser is `admin`. */
  async deploy(
    kind: 'token' | 'covenant',
    admin: Address,
  ): Promise<{ address: Address; deployBlock: number }> {
    const wallet = createWalletClient({
      account: await this.devAccount(),
      chain: this.chain,
      transport: http(this.rpcUrl),
    });
    const hash =
      kind === 'token'
        ? await wallet.deployContract({
            abi: demoTokenAbi,
            bytecode: demoTokenBytecode,
            args: ['Test', 'TST', admin],
          })
        : await wallet.deployContract({ abi: covenantAbi, bytecode: covenantBytecode, args: [admin] });
    const receipt = await this.client.waitForTransactionReceipt({ hash });
    if (!receipt.contractAddress) throw new Error('deployment created no contract');
    return { address: receipt.contractAddress, deployBlock: Number(receipt.blockNumber) };
  }

  /** A contracts file (DemoDeployment shape) naming only these contracts, for a service's CONTRACTS_FILE. */
  writeContractsFile(
    contracts: Partial<Record<DemoContractKey, { address: Address; deployBlock: number }>>,
    dir = tmpdir(),
  ): string {
    const file = join(dir, `test-contracts-${process.pid}-${Date.now()}.json`);
    writeFileSync(file, JSON.stringify({ chainId: this.chain.id, contracts }));
    return file;
  }

  async headBlock(): Promise<bigint> {
    return this.client.getBlockNumber({ cacheTime: 0 });
  }

  async paused(address: Address): Promise<boolean> {
    return this.client.readContract({ address, abi: demoTokenAbi, functionName: 'paused' });
  }

  async hasRole(address: Address, roleId: Hex, account: Address): Promise<boolean> {
    return this.client.readContract({
      address,
      abi: demoTokenAbi,
      functionName: 'hasRole',
      args: [roleId, account],
    });
  }

  /** Sends `data` to `to` as `from` (impersonated), the way a multisig executes a proposal; the receipt's status. */
  async sendAs(from: Address, to: Address, data: Hex): Promise<'success' | 'reverted'> {
    await this.client.request({ method: 'hardhat_impersonateAccount' as never, params: [from] as never });
    await this.fund(from);
    const hash = (await this.client.request({
      method: 'eth_sendTransaction' as never,
      params: [{ from, to, data }] as never,
    })) as Hash;
    return (await this.client.waitForTransactionReceipt({ hash })).status;
  }
}

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(
      `${name} is not set: run through jest.integration.config.ts (the dev-stack global setup)`,
    );
  return value;
}
