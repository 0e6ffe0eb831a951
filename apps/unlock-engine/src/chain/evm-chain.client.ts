import { covenantAbi, demoTokenAbi } from '@convergence/contracts';
import { type Address, type PublicClient, createPublicClient, http } from 'viem';

/** Nest token of the service's `EvmChainClient` (undefined when EVM_RPC_URL is not set). */
export const EVM_CHAIN_CLIENT = Symbol('EVM_CHAIN_CLIENT');

/**
 * The one door to the EVM chain: holdings read through viem at a given block, so reconciliation
 * compares the projection with the chain as of the same block.
 */
export class EvmChainClient {
  private readonly client: PublicClient;

  constructor(rpcUrl: string) {
    this.client = createPublicClient({ transport: http(rpcUrl, { retryCount: 2, timeout: 10_000 }) });
  }

  async blockHash(blockNumber: bigint): Promise<string | undefined> {
    const block = await this.client.getBlock({ blockNumber }).catch(() => undefined);
    return block?.hash?.toLowerCase();
  }

  tokenBalance(token: string, wallet: string, blockNumber: bigint): Promise<bigint> {
    return this.client.readContract({
      address: token as Address,
      abi: demoTokenAbi,
      functionName: 'balanceOf',
      args: [wallet as Address],
      blockNumber,
    });
  }

  nftBalance(collection: string, wallet: string, blockNumber: bigint): Promise<bigint> {
    return this.client.readContract({
      address: collection as Address,
      abi: covenantAbi,
      functionName: 'balanceOf',
      args: [wallet as Address],
      blockNumber,
    });
  }

  /** The holder of a token id, or undefined when it does not exist (never minted or burned). */
  async ownerOf(collection: string, tokenId: bigint, blockNumber: bigint): Promise<string | undefined> {
    try {
      const owner = await this.client.readContract({
        address: collection as Address,
        abi: covenantAbi,
        functionName: 'ownerOf',
        args: [tokenId],
        blockNumber,
      });
      return owner.toLowerCase();
    } catch (error) {
      if (isRevert(error)) return undefined;
      throw error;
    }
  }

  totalMinted(collection: string, blockNumber: bigint): Promise<bigint> {
    return this.client.readContract({
      address: collection as Address,
      abi: covenantAbi,
      functionName: 'totalMinted',
      blockNumber,
    });
  }
}

function isRevert(error: unknown): boolean {
  return error instanceof Error && /revert|ERC721NonexistentToken/i.test(error.message);
}
