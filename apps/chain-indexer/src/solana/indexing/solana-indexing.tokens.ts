/** The service's env (ChainIndexerEnv), for the Solana module. */
export const SOLANA_ENV = Symbol('SOLANA_ENV');
/** `() => Date`, injectable so alert timing can be tested without sleeping. */
export const SOLANA_CLOCK = Symbol('SOLANA_CLOCK');
