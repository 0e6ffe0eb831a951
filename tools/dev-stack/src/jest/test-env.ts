/** Environment variables through which the Jest global setup hands the test stack to test workers. */
export const TEST_ENV = {
  started: 'TEST_STACK_STARTED',
  databaseAdminUrl: 'TEST_DATABASE_ADMIN_URL',
  kafkaBrokers: 'KAFKA_BROKERS',
  evmRpcUrl: 'EVM_RPC_URL',
  evmChainId: 'EVM_CHAIN_ID',
  contractsFile: 'TEST_CONTRACTS_FILE',
} as const;
