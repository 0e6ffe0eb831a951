import {
  createPublicClient,
  createWalletClient,
  defineChain,
  http,
  type Account,
  type Chain,
  type PublicClient,
  type Transport,
  type WalletClient,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';

export interface EvmClients {
  chain: Chain;
  publicClient: PublicClient<Transport, Chain>;
  walletClient: WalletClient<Transport, Chain, Account>;
}

/** viem clients for the configured chain, signing locally with the oracle's key (never sent anywhere). */
export function createEvmClients(options: {
  rpcUrl: string;
  chainId: number;
  privateKey: `0x${string}`;
  /** How often a sent transaction's receipt is polled for. */
  pollingIntervalMs: number;
}): EvmClients {
  const chain = defineChain({
    id: options.chainId,
    name: `evm-${options.chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [options.rpcUrl] } },
  });
  const transport = http(options.rpcUrl, { retryCount: 2, timeout: 15_000 });
  const pollingInterval = options.pollingIntervalMs;
  return {
    chain,
    publicClient: createPublicClient({ chain, transport, pollingInterval }),
    walletClient: createWalletClient({
      account: privateKeyToAccount(options.privateKey),
      chain,
      transport,
      pollingInterval,
    }),
  };
}
