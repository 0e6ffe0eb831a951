/** The validated chain configurations (ChainConfig[]). */
export const CHAIN_CONFIGS = Symbol('CHAIN_CONFIGS');
/** The service's env (ChainIndexerEnv). */
export const INDEXER_ENV = Symbol('INDEXER_ENV');
/** `() => Date`, injectable so alert timing can be tested without sleeping. */
export const CLOCK = Symbol('CLOCK');
