// What tests and scripts import as @convergence/dev-stack. Light on purpose: the Hardhat part (viem,
// @convergence/contracts) loads only when startStack is asked for it.
export { createWorkerDatabase, type WorkerDatabaseOptions } from './jest/test-database';
export { TEST_ENV } from './jest/test-env';
export { findFreePort, isPortFree, preferPort } from './free-port';
export { startStack } from './stack';
export { TestChain } from './hardhat/test-chain';
export { localNodeTransport } from './hardhat/local-node-transport';
export type { DemoDeployment, StackEvm, StackHandle, StackPorts, StartStackOptions } from './stack-types';
export { ensureKafkaJars } from './kafka/ensure-kafka-jars';
export { startKafka, type KafkaHandle, type StartKafkaOptions } from './kafka/start-kafka';
export { parseBrokers, useOrStartKafka } from './kafka/kafka-from-env';
export { startPostgres, type PostgresHandle, type StartPostgresOptions } from './postgres/start-postgres';
export { useOrStartPostgres } from './postgres/postgres-from-env';
export { createDatabase, databaseUrl, dropDatabase, redactUrl } from './postgres/database-admin';
