import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoTokenAbi, demoTokenBytecode } from '@convergence/contracts';
import {
  type Address,
  createPublicClient,
  createWalletClient,
  defineChain,
  http,
  numberToHex,
  parseEther,
} from 'viem';

/**
 * A DemoToken of the test's own on the dev-stack's Hardhat node (EVM_RPC_URL), administered by
 * `admin`: pausing it disturbs no other suite, as pausing the shared demo deployment would.
 */
export class TestToken {
  readonly rpcUrl = process.env['EVM_RPC_URL'] ?? '';
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

  /** Deploys the token from the node's first unlocked account; answers where and in which block. */
  async deploy(admin: Address): Promise<{ address: Address; deployBlock: number }> {
    if (!this.rpcUrl) throw new Error('EVM_RPC_URL is not set: run through jest.integration.config.ts');
    const [deployer] = (await this.client.request({ method: 'eth_accounts' as never })) as Address[];
    const wallet = createWalletClient({
      account: deployer!,
      chain: this.chain,
      transport: http(this.rpcUrl),
    });
    const hash = await wallet.deployContract({
      abi: demoTokenAbi,
      bytecode: demoTokenBytecode,
      args: ['Ops', 'OPS', admin],
    });
    const receipt = await this.client.waitForTransactionReceipt({ hash });
    if (!receipt.contractAddress) throw new Error('the deployment created no contract');
    return { address: receipt.contractAddress, deployBlock: Number(receipt.blockNumber) };
  }

  /** Gives `address` ETH for gas. */
  async fund(address: Address): Promise<void> {
    await this.client.request({
      method: 'hardhat_setBalance' as never,
      params: [address, numberToHex(parseEther('100'))] as never,
    });
  }

  paused(address: Address): Promise<boolean> {
    return this.client.readContract({ address, abi: demoTokenAbi, functionName: 'paused' });
  }

  async headBlock(): Promise<bigint> {
    return this.client.getBlockNumber({ cacheTime: 0 });
  }

  /** A contracts file (DemoDeployment shape) naming only `trust`, for the gateway and the chain-indexer. */
  writeContractsFile(dir: string, trust: { address: Address; deployBlock: number }): string {
    const file = join(dir, 'contracts.json');
    writeFileSync(file, JSON.stringify({ chainId: this.chain.id, contracts: { trust } }));
    return file;
  }
}
