import { anchorEventsIdl } from './anchor-events.idl';
import { jupiterV6Idl } from './jupiter-v6.idl';
import { tensorswapIdl } from './tensorswap.idl';

/**
 * Anchor IDLs of the Solana programs the indexer can decode events of, by the name configuration
 * refers to them with (`SOLANA_PROGRAMS[].idl`).
 */
export const solanaIdls = {
  'anchor-events': anchorEventsIdl,
  'jupiter-v6': jupiterV6Idl,
  tensorswap: tensorswapIdl,
} as const;

export type SolanaIdlName = keyof typeof solanaIdls;

/** The configured names, sorted, for validation messages. */
export const solanaIdlNames = Object.keys(solanaIdls).sort() as SolanaIdlName[];
