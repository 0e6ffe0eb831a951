import { Inject, Injectable } from '@nestjs/common';
import {
  type Address,
  type Chain,
  type Hash,
  type Hex,
  type PublicClient,
  WaitForTransactionReceiptTimeoutError,
  createPublicClient,
  createWalletClient,
  defineChain,
  http,
} from 'viem';
import { type PrivateKeyAccount, privateKeyToAccount } from 'viem/accounts';
import { GATEWAY_ENV, type GatewayEnv } from '../config/gateway-config';
import { type ContractCall, calldataOf, rolePausableAbi } from './contract-call.util';
import { ContractOpsException } from './contract-ops.exception';
import { revertReasonOf } from './revert-reason.util';

/** A mined emergency operation. */
export interface SentTransaction {
  txHash: Hash;
  blockNumber: string;
}

/**
 * The one way the gateway talks to the chain (viem over EVM_RPC_URL): reads `paused()` and
 * `hasRole`, dry-runs an operation as a given sender to surface its revert reason, and sends it
 * with the operator key. Failures leave as ContractOpsException.
 */
@Injectable()
export class EvmOpsClient {
  private readonly client?: PublicClient;
  private readonly operator?: PrivateKeyAccount;
  private chain?: Promise<Chain>;

  constructor(@Inject(GATEWAY_ENV) private readonly env: GatewayEnv) {
    if (env.EVM_RPC_URL)
      this.client = createPublicClient({ transport: http(env.EVM_RPC_URL), pollingInterval: 100 });
    if (env.GATEWAY_OPERATOR_PRIVATE_KEY)
      this.operator = privateKeyToAccount(env.GATEWAY_OPERATOR_PRIVATE_KEY as Hex);
  }

  /** The address that signs in direct mode, if a key is configured. */
  get operatorAddress(): Address | undefined {
    return this.operator?.address;
  }

  /** The chain id the RPC endpoint reports (asked once). */
  async chainId(): Promise<number> {
    return (await this.chainOf()).id;
  }

  async paused(address: Address): Promise<boolean> {
    return this.read(() =>
      this.publicClient().readContract({ address, abi: rolePausableAbi, functionName: 'paused' }),
    );
  }

  async hasRole(address: Address, roleId: Hex, account: Address): Promise<boolean> {
    return this.read(() =>
      this.publicClient().readContract({
        address,
        abi: rolePausableAbi,
        functionName: 'hasRole',
        args: [roleId, account],
      }),
    );
  }

  /** Runs the operation as `from` without sending it; a revert becomes a 409 naming the decoded reason. */
  async simulate(call: ContractCall, from: Address): Promise<void> {
    try {
      const client = this.publicClient();
      const target = { address: call.contract.address, abi: rolePausableAbi, account: from } as const;
      switch (call.kind) {
        case 'pause':
        case 'unpause':
          await client.simulateContract({ ...target, functionName: call.kind });
          break;
        case 'grantRole':
        case 'revokeRole':
          await client.simulateContract({
            ...target,
            functionName: call.kind,
            args: [call.role.roleId, call.account],
          });
          break;
      }
    } catch (error) {
      throw this.failure(error, `${call.kind} on ${call.contract.name} as ${from}`);
    }
  }

  /** Signs and sends the operation with the operator key and waits for its receipt. */
  async send(call: ContractCall): Promise<SentTransaction> {
    const operator = this.operator;
    if (!operator)
      throw new ContractOpsException(
        'not-configured',
        'GATEWAY_OPERATOR_PRIVATE_KEY is not set (needed in direct mode)',
      );
    const chain = await this.chainOf();
    const wallet = createWalletClient({ account: operator, chain, transport: http(this.env.EVM_RPC_URL) });
    let txHash: Hash;
    try {
      txHash = await wallet.sendTransaction({ to: call.contract.address, data: calldataOf(call) });
    } catch (error) {
      throw this.failure(error, `${call.kind} on ${call.contract.name}`);
    }
    try {
      const receipt = await this.publicClient().waitForTransactionReceipt({
        hash: txHash,
        timeout: this.env.GATEWAY_TX_RECEIPT_TIMEOUT_MS,
      });
      if (receipt.status === 'reverted')
        throw new ContractOpsException(
          'receipt-reverted',
          `${call.kind} on ${call.contract.name} reverted in block ${receipt.blockNumber} (tx ${txHash})`,
        );
      return { txHash, blockNumber: receipt.blockNumber.toString() };
    } catch (error) {
      if (error instanceof ContractOpsException) throw error;
      if (error instanceof WaitForTransactionReceiptTimeoutError)
        throw new ContractOpsException(
          'receipt-timeout',
          `tx ${txHash} (${call.kind} on ${call.contract.name}) has no receipt after ${this.env.GATEWAY_TX_RECEIPT_TIMEOUT_MS} ms`,
          { cause: error },
        );
      throw this.failure(error, `receipt of ${txHash}`);
    }
  }

  private publicClient(): PublicClient {
    if (!this.client) throw new ContractOpsException('not-configured', 'EVM_RPC_URL is not set');
    return this.client;
  }

  private chainOf(): Promise<Chain> {
    this.chain ??= this.read(() => this.publicClient().getChainId()).then((id) =>
      defineChain({
        id,
        name: `chain ${id}`,
        nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
        rpcUrls: { default: { http: [this.env.EVM_RPC_URL ?? ''] } },
      }),
    );
    // A failed lookup is asked again next time rather than remembered.
    void this.chain.catch(() => (this.chain = undefined));
    return this.chain;
  }

  private async read<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw this.failure(error, 'chain read');
    }
  }

  private failure(error: unknown, what: string): ContractOpsException {
    if (error instanceof ContractOpsException) return error;
    const reason = revertReasonOf(error);
    if (reason !== undefined)
      return new ContractOpsException('reverted', `${what} reverted: ${reason}`, { cause: error });
    const message =
      error instanceof Error
        ? ((error as { shortMessage?: string }).shortMessage ?? error.message)
        : String(error);
    return new ContractOpsException('rpc-failed', `${what} failed: ${message}`, { cause: error });
  }
}
