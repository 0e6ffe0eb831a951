/** viem clients for the configured EVM chain (EvmClients). */
export const EVM_CLIENTS = Symbol('oracle.evm-clients');

/** The OpinionMarket and VRF coordinator addresses (MarketContracts from CONTRACTS_FILE). */
export const MARKET_CONTRACTS = Symbol('oracle.market-contracts');

/** The TransactionTracker of the configured EVM chain (oracle_transactions_total, oldest pending). */
export const EVM_TRANSACTIONS = Symbol('oracle.evm-transactions');
