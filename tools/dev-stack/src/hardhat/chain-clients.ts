import {
  createPublicClient,
  createWalletClient,
  defineChain,
  type Account,
  type Chain,
  type Hash,
  type Hex,
  type PublicClient,
  type TransactionReceipt,
  type Transport,
  type WalletClient,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { localNodeTransport } from './local-node-transport';

export type DevWalletClient = WalletClient<Transport, Chain, Account>;

export interface ChainClients {
  chain: Chain;
  publicClient: PublicClient<Transport, Chain>;
  /** A wallet client signing locally with `privateKey`. */
  wallet(privateKey: Hex): DevWalletClient;
}

// Automine answers in milliseconds; viem's 4 s default polling would dominate every wait.
const POLLING_INTERVAL_MS = 50;

/**
 * viem clients for a local dev chain.
 * @example const { publicClient, wallet } = chainClients(node.rpcUrl, node.chainId);
 */
export function chainClients(rpcUrl: string, chainId = 31337): ChainClients {
  const chain = defineChain({
    id: chainId,
    name: 'Convergence dev chain',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
  const transport = localNodeTransport(rpcUrl);
  const publicClient = createPublicClient({ chain, transport, pollingInterval: POLLING_INTERVAL_MS });
  const wallet = (privateKey: Hex): DevWalletClient =>
    createWalletClient({
      account: privateKeyToAccount(privateKey),
      chain,
      transport,
      pollingInterval: POLLING_INTERVAL_MS,
    });
  return { chain, publicClient, wallet };
}

/**
 * Waits for a transaction and throws unless it succeeded.
 * @example const receipt = await mined(publicClient, await wallet.writeContract({ ... }));
 */
export async function mined(publicClient: PublicClient, hash: Hash): Promise<TransactionReceipt> {
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new Error(`Transaction ${hash} reverted`);
  return receipt;
}
