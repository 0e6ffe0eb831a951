import type { ContractName } from '@convergence/contracts';
import type { Address } from 'viem';

/** Contracts of one kind to index on a chain, each from its own start block. */
export interface SourceConfig {
  readonly contract: ContractName;
  readonly addresses: readonly { readonly address: Address; readonly startBlock: bigint }[];
}

/** One EVM chain the indexer follows. */
export interface ChainConfig {
  readonly chainId: number;
  readonly name: string;
  /** In priority order: the first healthy one is used, the others are backups. */
  readonly rpcUrls: readonly string[];
  /** Blocks are indexed once they have this many confirmations (0 and 1: the head itself). */
  readonly confirmations: number;
  /** The deepest reorg the chain can have; a deeper one halts the chain with a critical alert. */
  readonly finalityDepth: number;
  readonly sources: readonly SourceConfig[];
}
