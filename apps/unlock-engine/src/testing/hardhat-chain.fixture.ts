// Test fixture: real transactions on the Hardhat node the Jest global setup started (demo contracts
// in TEST_CONTRACTS_FILE), turned into the chain.evm.log.v1 / chain.evm.reorg.v1 envelopes the
// chain-indexer publishes for them (same ids, decoding and JSON-safe args).
import { readFileSync } from 'node:fs';
import {
  type ContractName,
  type DemoDeployment,
  contractAbis,
  covenantAbi,
  demoGovernorAbi,
  demoTokenAbi,
  demoContractKinds,
} from '@convergence/contracts';
import { type Envelope, type TopicData, createEnvelope, topics } from '@convergence/schemas';
import {
  type Address,
  type Hash,
  type Hex,
  type TransactionReceipt,
  createPublicClient,
  createWalletClient,
  defineChain,
  encodeFunctionData,
  http,
  parseEventLogs,
  toHex,
} from 'viem';
import { generatePrivateKey, privateKeyToAddress } from 'viem/accounts';

export type EvmLogEnvelope = Envelope<TopicData<typeof topics.chainEvmLog>>;
export type EvmReorgEnvelope = Envelope<TopicData<typeof topics.chainEvmReorg>>;

/** The test chain: who can sign (Hardhat's unlocked accounts, impersonated fresh wallets) and what is deployed. */
export class HardhatChain {
  readonly deployment: DemoDeployment;
  readonly rpcUrl: string;
  private readonly publicClient;
  private readonly chain;
  private admin?: Address;

  constructor(env: NodeJS.ProcessEnv = process.env) {
    this.rpcUrl = required(env, 'EVM_RPC_URL');
    this.deployment = JSON.parse(
      readFileSync(required(env, 'TEST_CONTRACTS_FILE'), 'utf8'),
    ) as DemoDeployment;
    this.chain = defineChain({
      id: this.deployment.chainId,
      name: 'hardhat',
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: { default: { http: [this.rpcUrl] } },
    });
    this.publicClient = createPublicClient({
      chain: this.chain,
      transport: http(this.rpcUrl),
      pollingInterval: 50,
    });
  }

  get contractsFile(): string {
    return required(process.env, 'TEST_CONTRACTS_FILE');
  }

  /** A wallet nobody used before (lowercase). */
  freshWallet(): Address {
    return privateKeyToAddress(generatePrivateKey()).toLowerCase() as Address;
  }

  async mintToken(
    token: 'trust' | 'tally' | 'voucher',
    to: Address,
    amount: bigint,
  ): Promise<TransactionReceipt> {
    return this.send(await this.adminAddress(), {
      to: this.deployment.contracts[token].address,
      data: encodeFunctionData({ abi: demoTokenAbi, functionName: 'mint', args: [to, amount] }),
    });
  }

  async transferToken(
    token: 'trust' | 'tally' | 'voucher',
    from: Address,
    to: Address,
    amount: bigint,
  ): Promise<TransactionReceipt> {
    await this.impersonate(from);
    return this.send(from, {
      to: this.deployment.contracts[token].address,
      data: encodeFunctionData({ abi: demoTokenAbi, functionName: 'transfer', args: [to, amount] }),
    });
  }

  async mintCovenant(to: Address): Promise<TransactionReceipt> {
    return this.send(await this.adminAddress(), {
      to: this.deployment.contracts.covenant.address,
      data: encodeFunctionData({ abi: covenantAbi, functionName: 'mint', args: [to] }),
    });
  }

  /** `wallet` proposes (a no-op TALLY mint) and votes For; needs TRUST for voting weight. */
  async proposeAndVote(wallet: Address, description: string): Promise<TransactionReceipt[]> {
    await this.impersonate(wallet);
    const governor = this.deployment.contracts.governor.address;
    const call = encodeFunctionData({ abi: demoTokenAbi, functionName: 'mint', args: [wallet, 0n] });
    const proposed = await this.send(wallet, {
      to: governor,
      data: encodeFunctionData({
        abi: demoGovernorAbi,
        functionName: 'propose',
        args: [[this.deployment.contracts.tally.address], [0n], [call], description],
      }),
    });
    const [created] = parseEventLogs({
      abi: demoGovernorAbi,
      eventName: 'ProposalCreated',
      logs: proposed.logs,
    });
    if (!created) throw new Error('propose emitted no ProposalCreated');
    await this.mine();
    const voted = await this.send(wallet, {
      to: governor,
      data: encodeFunctionData({
        abi: demoGovernorAbi,
        functionName: 'castVote',
        args: [created.args.proposalId, 1],
      }),
    });
    return [proposed, voted];
  }

  /** The logs of these receipts as the indexer publishes them. */
  async envelopesOf(receipts: readonly TransactionReceipt[], confirmed: boolean): Promise<EvmLogEnvelope[]> {
    const envelopes: EvmLogEnvelope[] = [];
    for (const receipt of receipts) {
      const block = await this.publicClient.getBlock({ blockHash: receipt.blockHash });
      const blockTime = new Date(Number(block.timestamp) * 1000);
      for (const log of receipt.logs) {
        const contract = this.contractAt(log.address);
        if (contract === undefined) continue;
        const [decoded] = parseEventLogs({ abi: contractAbis[contract], logs: [log], strict: true });
        if (!decoded) continue;
        const data = {
          chainId: this.deployment.chainId,
          blockNumber: receipt.blockNumber.toString(),
          blockHash: receipt.blockHash,
          blockTime: blockTime.toISOString(),
          txHash: receipt.transactionHash,
          logIndex: log.logIndex,
          address: log.address,
          contract,
          eventName: decoded.eventName,
          args: jsonSafe(decoded.args) as Record<string, never>,
          confirmed,
        };
        envelopes.push(
          createEnvelope(topics.chainEvmLog, {
            id: `${data.chainId}:${receipt.blockHash.toLowerCase()}:${log.logIndex}`,
            source: 'chain-indexer',
            subject: `${log.address.toLowerCase()}:${decoded.eventName}`,
            time: blockTime,
            data,
          }),
        );
      }
    }
    return envelopes;
  }

  async snapshot(): Promise<Hex> {
    return (await this.publicClient.request({ method: 'evm_snapshot' as never })) as Hex;
  }

  /**
   * Takes the chain back to the snapshot and mines a replacement block, returning the reorg the
   * indexer would publish: every block after the snapshot's head orphaned.
   */
  async reorgTo(snapshot: Hex): Promise<EvmReorgEnvelope> {
    const head = await this.publicClient.getBlock();
    const orphaned = [];
    const ancestorNumber = await this.blockNumberAtSnapshot(snapshot);
    for (let n = ancestorNumber + 1n; n <= head.number; n++) {
      const block = await this.publicClient.getBlock({ blockNumber: n });
      orphaned.push({ number: n.toString(), hash: block.hash });
    }
    const reverted = (await this.publicClient.request({
      method: 'evm_revert' as never,
      params: [snapshot] as never,
    })) as boolean;
    if (!reverted) throw new Error(`evm_revert ${snapshot} failed`);
    await this.mine();
    const ancestor = await this.publicClient.getBlock({ blockNumber: ancestorNumber });
    const newHead = await this.publicClient.getBlock();
    return createEnvelope(topics.chainEvmReorg, {
      id: `${this.deployment.chainId}:reorg:${newHead.hash}`,
      source: 'chain-indexer',
      data: {
        chainId: this.deployment.chainId,
        orphanedBlocks: orphaned,
        commonAncestor: { number: ancestor.number.toString(), hash: ancestor.hash },
        newHead: { number: newHead.number.toString(), hash: newHead.hash },
        depth: orphaned.length,
      },
    });
  }

  async tokenBalance(token: 'trust' | 'tally' | 'voucher', wallet: Address): Promise<bigint> {
    return this.publicClient.readContract({
      address: this.deployment.contracts[token].address,
      abi: demoTokenAbi,
      functionName: 'balanceOf',
      args: [wallet],
    });
  }

  async mine(): Promise<void> {
    await this.publicClient.request({ method: 'evm_mine' as never });
  }

  private snapshotHeads = new Map<string, bigint>();

  /** Call right after `snapshot()`: remembers which block the snapshot was taken at. */
  async markSnapshot(snapshot: Hex): Promise<void> {
    this.snapshotHeads.set(snapshot, await this.publicClient.getBlockNumber());
  }

  private async blockNumberAtSnapshot(snapshot: Hex): Promise<bigint> {
    const head = this.snapshotHeads.get(snapshot);
    if (head === undefined) throw new Error(`snapshot ${snapshot} was not marked`);
    return head;
  }

  private contractAt(address: string): ContractName | undefined {
    for (const [key, deployed] of Object.entries(this.deployment.contracts)) {
      if (deployed.address.toLowerCase() === address.toLowerCase()) {
        return demoContractKinds[key as keyof typeof demoContractKinds];
      }
    }
    return undefined;
  }

  private async adminAddress(): Promise<Address> {
    if (this.admin === undefined) {
      const accounts = (await this.publicClient.request({ method: 'eth_accounts' as never })) as Address[];
      const first = accounts[0];
      if (!first) throw new Error('the Hardhat node has no accounts');
      this.admin = first;
      return first;
    }
    return this.admin;
  }

  private async impersonate(wallet: Address): Promise<void> {
    await this.publicClient.request({
      method: 'hardhat_impersonateAccount' as never,
      params: [wallet] as never,
    });
    await this.publicClient.request({
      method: 'hardhat_setBalance' as never,
      params: [wallet, toHex(10n ** 20n)] as never,
    });
  }

  private async send(from: Address, tx: { to: Address; data: Hex }): Promise<TransactionReceipt> {
    const wallet = createWalletClient({ chain: this.chain, transport: http(this.rpcUrl), account: from });
    const hash: Hash = await wallet.sendTransaction({ ...tx, account: from, chain: this.chain });
    const receipt = await this.publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new Error(`transaction ${hash} reverted`);
    return receipt;
  }
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is not set: run under the dev-stack Jest global setup`);
  return value;
}

function jsonSafe(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, jsonSafe(item)]));
  }
  return value;
}
