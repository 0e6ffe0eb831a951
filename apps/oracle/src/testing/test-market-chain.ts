import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  demoTokenAbi,
  demoTokenBytecode,
  mockVrfCoordinatorAbi,
  mockVrfCoordinatorBytecode,
  opinionMarketAbi,
  opinionMarketBytecode,
  roles,
} from '@convergence/contracts';
import { localNodeTransport } from '@convergence/dev-stack';
import {
  createPublicClient,
  createWalletClient,
  defineChain,
  getAddress,
  keccak256,
  maxUint256,
  parseEventLogs,
  toHex,
  type Account,
  type Address,
  type Chain,
  type Hash,
  type Hex,
  type PublicClient,
  type Transport,
  type WalletClient,
} from 'viem';
import { generatePrivateKey, mnemonicToAccount, privateKeyToAccount } from 'viem/accounts';
import { opinionHashOf } from '../markets/opinion-signature.util';

/** Hardhat's public development mnemonic: these keys are for local chains only. */
const DEV_MNEMONIC = 'test test test test test test test test test test test junk';

/** Private key of Hardhat dev account `index` (funded by the dev node; public, local use only). */
export function devKey(index: number): Hex {
  const key = mnemonicToAccount(DEV_MNEMONIC, { addressIndex: index }).getHdKey().privateKey;
  if (!key) throw new Error(`no key for dev account ${index}`);
  return toHex(key);
}

/**
 * A new random account given 100 ETH with `hardhat_setBalance`: a suite's own signer, so no other suite
 * on the shared node sends from it (no nonce races).
 */
export async function fundedRandomKey(rpcUrl: string): Promise<Hex> {
  const key = generatePrivateKey();
  const res = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'hardhat_setBalance',
      params: [privateKeyToAccount(key).address, toHex(10n ** 20n)],
    }),
  });
  const body = (await res.json()) as { error?: { message: string } };
  if (body.error) throw new Error(`hardhat_setBalance failed: ${body.error.message}`);
  return key;
}

type Wallet = WalletClient<Transport, Chain, Account>;

export interface StakeSpec {
  key: Hex;
  amount: bigint;
  text: string;
}

/**
 * A fresh OpinionMarket + MockVRFCoordinator + stake token on the test chain, deployed by `oracleKey`
 * (admin, ORACLE_ROLE): each suite settles only its own markets, whatever else the shared node holds.
 */
export class TestMarketChain {
  readonly publicClient: PublicClient<Transport, Chain>;
  contractsFile = '';
  market!: Address;
  coordinator!: Address;
  token!: Address;
  private readonly chain: Chain;

  constructor(
    readonly rpcUrl: string,
    readonly chainId: number,
    readonly oracleKey: Hex,
  ) {
    this.chain = defineChain({
      id: chainId,
      name: 'test',
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: { default: { http: [rpcUrl] } },
    });
    this.publicClient = createPublicClient({
      chain: this.chain,
      transport: localNodeTransport(rpcUrl),
      pollingInterval: 50,
    });
  }

  wallet(key: Hex): Wallet {
    return createWalletClient({
      account: privateKeyToAccount(key),
      chain: this.chain,
      transport: localNodeTransport(this.rpcUrl),
      pollingInterval: 50,
    });
  }

  async send(hash: Promise<Hash>) {
    const receipt = await this.publicClient.waitForTransactionReceipt({ hash: await hash });
    if (receipt.status !== 'success') throw new Error(`transaction ${receipt.transactionHash} reverted`);
    return receipt;
  }

  /** Deploys the contracts and writes the deployment JSON the oracle reads (CONTRACTS_FILE). */
  async deploy(vrfSeed = 7n): Promise<this> {
    const admin = this.wallet(this.oracleKey);
    const deployed = async (hash: Promise<Hash>) => {
      const receipt = await this.send(hash);
      return { address: getAddress(receipt.contractAddress!), deployBlock: Number(receipt.blockNumber) };
    };
    const token = await deployed(
      admin.deployContract({
        abi: demoTokenAbi,
        bytecode: demoTokenBytecode,
        args: ['Stake', 'STK', admin.account.address],
      }),
    );
    const coordinator = await deployed(
      admin.deployContract({
        abi: mockVrfCoordinatorAbi,
        bytecode: mockVrfCoordinatorBytecode,
        args: [admin.account.address, vrfSeed],
      }),
    );
    const market = await deployed(
      admin.deployContract({
        abi: opinionMarketAbi,
        bytecode: opinionMarketBytecode,
        args: [admin.account.address, token.address, coordinator.address, keccak256(toHex('test-key')), 1n],
      }),
    );
    await this.send(
      admin.writeContract({
        address: token.address,
        abi: demoTokenAbi,
        functionName: 'grantRole',
        args: [roles.MINTER_ROLE, admin.account.address],
      }),
    );
    await this.send(
      admin.writeContract({
        address: market.address,
        abi: opinionMarketAbi,
        functionName: 'grantRole',
        args: [roles.ORACLE_ROLE, admin.account.address],
      }),
    );
    [this.token, this.coordinator, this.market] = [token.address, coordinator.address, market.address];
    const dir = mkdtempSync(join(tmpdir(), 'oracle-test-'));
    this.contractsFile = join(dir, 'contracts.json');
    writeFileSync(
      this.contractsFile,
      JSON.stringify({
        chainId: this.chainId,
        contracts: { opinionMarket: market, vrfCoordinator: coordinator },
      }),
    );
    return this;
  }

  /** Mints stake tokens to each staker and approves the market (once per staker). */
  async fund(keys: Hex[]): Promise<void> {
    const admin = this.wallet(this.oracleKey);
    for (const key of keys) {
      const staker = this.wallet(key);
      await this.send(
        admin.writeContract({
          address: this.token,
          abi: demoTokenAbi,
          functionName: 'mint',
          args: [staker.account.address, 10n ** 24n],
        }),
      );
      await this.send(
        staker.writeContract({
          address: this.token,
          abi: demoTokenAbi,
          functionName: 'approve',
          args: [this.market, maxUint256],
        }),
      );
    }
  }

  /** Creates a market as `creatorKey` and stakes each opinion's hash; returns the market id. */
  async openMarket(
    creatorKey: Hex,
    statement: string,
    stakes: StakeSpec[],
    closesInSeconds = 3_600,
  ): Promise<bigint> {
    const { timestamp } = await this.publicClient.getBlock();
    const created = await this.send(
      this.wallet(creatorKey).writeContract({
        address: this.market,
        abi: opinionMarketAbi,
        functionName: 'createMarket',
        args: [statement, timestamp + BigInt(closesInSeconds)],
      }),
    );
    const [event] = parseEventLogs({ abi: opinionMarketAbi, eventName: 'MarketCreated', logs: created.logs });
    const marketId = event!.args.marketId;
    for (const stake of stakes) {
      await this.send(
        this.wallet(stake.key).writeContract({
          address: this.market,
          abi: opinionMarketAbi,
          functionName: 'stake',
          args: [marketId, stake.amount, opinionHashOf(stake.text)],
        }),
      );
    }
    return marketId;
  }

  /** Stakes one opinion's hash on an existing market. */
  async stakeOn(marketId: bigint, stake: StakeSpec): Promise<void> {
    await this.send(
      this.wallet(stake.key).writeContract({
        address: this.market,
        abi: opinionMarketAbi,
        functionName: 'stake',
        args: [marketId, stake.amount, opinionHashOf(stake.text)],
      }),
    );
  }

  /** A Hardhat snapshot of the chain (evm_snapshot); only on a node of the test's own. */
  snapshot(): Promise<Hex> {
    return this.publicClient.request({ method: 'evm_snapshot' as never }) as Promise<Hex>;
  }

  /** Back to `snapshot` (evm_revert): every block after it is orphaned. */
  async revert(snapshot: Hex): Promise<void> {
    const reverted = (await this.publicClient.request({
      method: 'evm_revert' as never,
      params: [snapshot] as never,
    })) as boolean;
    if (!reverted) throw new Error(`evm_revert ${snapshot} failed`);
  }

  /** The creator closes early (allowed before closesAt). */
  async close(creatorKey: Hex, marketId: bigint): Promise<void> {
    await this.send(
      this.wallet(creatorKey).writeContract({
        address: this.market,
        abi: opinionMarketAbi,
        functionName: 'closeMarket',
        args: [marketId],
      }),
    );
  }

  /** What the opinions API expects: the staker's signature over the opinion hash. */
  signOpinion(key: Hex, text: string): Promise<Hex> {
    return this.wallet(key).signMessage({ message: { raw: opinionHashOf(text) } });
  }

  readMarket(marketId: bigint) {
    return this.publicClient.readContract({
      address: this.market,
      abi: opinionMarketAbi,
      functionName: 'getMarket',
      args: [marketId],
    });
  }

  /** How many times the market emitted `eventName` (exactly-once checks). */
  async countEvents(
    eventName:
      | 'SentimentRecorded'
      | 'RandomnessRequested'
      | 'RandomnessFulfilled'
      | 'MarketSettled'
      | 'MarketClosed',
    marketId: bigint,
  ): Promise<number> {
    const logs = await this.publicClient.getContractEvents({
      address: this.market,
      abi: opinionMarketAbi,
      eventName,
      fromBlock: 0n,
      strict: true,
    });
    return logs.filter((l) => (l.args as { marketId: bigint }).marketId === marketId).length;
  }

  /** Open VRF requests of this market contract, oldest first. */
  async pendingVrfRequests(): Promise<bigint[]> {
    const requested = await this.publicClient.getContractEvents({
      address: this.coordinator,
      abi: mockVrfCoordinatorAbi,
      eventName: 'RandomWordsRequested',
      fromBlock: 0n,
      strict: true,
    });
    const fulfilled = new Set(
      (
        await this.publicClient.getContractEvents({
          address: this.coordinator,
          abi: mockVrfCoordinatorAbi,
          eventName: 'RandomWordsFulfilled',
          fromBlock: 0n,
          strict: true,
        })
      ).map((l) => l.args.requestId),
    );
    return requested.map((l) => l.args.requestId).filter((id) => !fulfilled.has(id));
  }

  /** Plays the VRF node: fulfils every open request through MockVRFCoordinator (from `key`). */
  async fulfilPending(key: Hex): Promise<number> {
    const pending = await this.pendingVrfRequests();
    for (const requestId of pending) {
      await this.send(
        this.wallet(key).writeContract({
          address: this.coordinator,
          abi: mockVrfCoordinatorAbi,
          functionName: 'fulfillRandomWords',
          args: [requestId, this.market],
          gas: 1_000_000n,
        }),
      );
    }
    return pending.length;
  }
}
