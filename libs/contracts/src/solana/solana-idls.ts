import { anchorEventsIdl } from './anchor-events.idl';

/**
 * Anchor IDLs of the Solana programs the indexer can decode events of, by the name configuration
 * refers to them with (`SOLANA_PROGRAMS[].idl`).
 */
export const solanaIdls = {
  'anchor-events': anchorEventsIdl,
} as const;

export type SolanaIdlName = keyof typeof solanaIdls;

/** The configured names, sorted, for validation messages. */
export const solanaIdlNames = Object.keys(solanaIdls).sort() as SolanaIdlName[];
