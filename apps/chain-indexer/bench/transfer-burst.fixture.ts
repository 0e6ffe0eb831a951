import { transferBurstAbi, transferBurstBytecode } from '@convergence/contracts';
import {
  type Address,
  type Chain,
  createPublicClient,
  createWalletClient,
  encodeFunctionData,
  getAddress,
  type Hex,
  http,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';

/** What `emitTransferBursts` mined. */
export interface TransferBursts {
  readonly address: Address;
  readonly deployBlock: bigint;
  readonly lastBlock: bigint;
  readonly logs: number;
  readonly seconds: number;
}

const GWEI = 1_000_000_000n;

/**
 * Deploys TransferBurst and mines `txs` blocks of `logsPerTx` ERC-20 Transfer logs each (automine: one
 * transaction per block), fast: every transaction is signed locally up front with a fixed nonce, gas
 * and fees and sent raw, one call each, so the node spends its time executing, not answering the
 * nonce, fee and estimate calls a wallet client makes per transaction.
 *
 * @example
 * const bursts = await emitTransferBursts(chain, rpcUrl, key, { txs: 200, logsPerTx: 1_000 }); // 200,000 logs
 */
export async function emitTransferBursts(
  chain: Chain,
  rpcUrl: string,
  privateKey: Hex,
  { txs, logsPerTx }: { txs: number; logsPerTx: number },
): Promise<TransferBursts> {
  const started = performance.now();
  const transport = http(rpcUrl, { retryCount: 0 });
  const client = createPublicClient({ chain, transport, pollingInterval: 20 });
  const account = privateKeyToAccount(privateKey);
  const wallet = createWalletClient({ account, chain, transport });
  const deployed = await client.waitForTransactionReceipt({
    hash: await wallet.deployContract({
      abi: transferBurstAbi,
      bytecode: transferBurstBytecode,
      args: [account.address],
    }),
  });
  const address = getAddress(deployed.contractAddress!);
  const burst = (i: number) =>
    encodeFunctionData({
      abi: transferBurstAbi,
      functionName: 'burst',
      args: [account.address, address, BigInt(logsPerTx), BigInt(i * logsPerTx)],
    });
  const estimate = await client.estimateGas({ account, to: address, data: burst(txs) });
  const nonce = await client.getTransactionCount({ address: account.address, blockTag: 'pending' });
  // Blocks of one burst stay under the gas target, so the base fee only falls from here.
  const { baseFeePerGas } = await client.getBlock();
  const fees = { maxPriorityFeePerGas: GWEI, maxFeePerGas: (baseFeePerGas ?? GWEI) * 2n + GWEI };
  const signed = await Promise.all(
    Array.from({ length: txs }, (_, i) =>
      account.signTransaction({
        chainId: chain.id,
        type: 'eip1559',
        to: address,
        data: burst(i),
        nonce: nonce + i,
        gas: (estimate * 12n) / 10n,
        ...fees,
      }),
    ),
  );
  // One at a time: Hardhat answers a JSON-RPC batch's calls concurrently, and an automining node
  // refuses a nonce ahead of the next one.
  const hashes: Hex[] = [];
  for (const tx of signed) hashes.push(await sendRawTransaction(rpcUrl, tx));
  const last = await client.waitForTransactionReceipt({ hash: hashes.at(-1)! });
  if (last.status !== 'success' || last.logs.length !== logsPerTx) {
    throw new Error(`the last burst ${last.status} with ${last.logs.length} logs, expected ${logsPerTx}`);
  }
  if (last.blockNumber !== deployed.blockNumber + BigInt(txs)) {
    throw new Error(
      `expected one burst per block up to ${deployed.blockNumber + BigInt(txs)}, got ${last.blockNumber}`,
    );
  }
  return {
    address,
    deployBlock: deployed.blockNumber,
    lastBlock: last.blockNumber,
    logs: txs * logsPerTx,
    seconds: (performance.now() - started) / 1_000,
  };
}

async function sendRawTransaction(rpcUrl: string, transaction: Hex): Promise<Hex> {
  const response = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_sendRawTransaction', params: [transaction] }),
  });
  const reply = (await response.json()) as { result?: Hex; error?: { message: string } };
  if (!reply.result) throw new Error(`eth_sendRawTransaction failed: ${reply.error?.message ?? 'no result'}`);
  return reply.result;
}
