import type { StackHandle } from '../stack-types';
import { temporaryDir } from '../test-support';
import { registerWorkspacePaths } from '../workspace-paths';
import { TEST_ENV } from './test-env';

/** What global-teardown needs: kept on globalThis (setup and teardown run in the same Jest process). */
export interface TestStackState {
  stack: StackHandle;
  removeDir(): Promise<void>;
}

export const TEST_STACK_KEY = Symbol.for('convergence.dev-stack.test-stack');

/**
 * Jest globalSetup: starts PostgreSQL, Kafka and Hardhat (demo contracts deployed, no demo activity) on free
 * ports in a temporary folder, and hands them to test workers through environment variables:
 * TEST_DATABASE_ADMIN_URL, KAFKA_BROKERS, EVM_RPC_URL, EVM_CHAIN_ID, TEST_CONTRACTS_FILE (see test-env.ts).
 * Does nothing when TEST_STACK_STARTED=1 (a stack is already up, e.g. started by an outer config).
 * DATABASE_URL / KAFKA_BROKERS set beforehand are used instead of starting those servers.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env[TEST_ENV.started] === '1') return;
  registerWorkspacePaths(); // before loading the stack: its Hardhat part imports @convergence/contracts
  const { startStack } = await import('../stack');
  const temp = await temporaryDir('test-stack');
  let stack: StackHandle;
  try {
    stack = await startStack({ rootDir: temp.dir, withHardhat: true, withDemo: false });
  } catch (error) {
    await temp.remove();
    throw error;
  }
  const state: TestStackState = { stack, removeDir: temp.remove };
  (globalThis as Record<symbol, unknown>)[TEST_STACK_KEY] = state;

  process.env[TEST_ENV.databaseAdminUrl] = stack.databaseAdminUrl;
  process.env[TEST_ENV.kafkaBrokers] = stack.kafkaBrokers.join(',');
  if (stack.evm) {
    process.env[TEST_ENV.evmRpcUrl] = stack.evm.rpcUrl;
    process.env[TEST_ENV.evmChainId] = String(stack.evm.chainId);
    process.env[TEST_ENV.contractsFile] = stack.evm.contractsFile;
  }
  process.env[TEST_ENV.started] = '1';
}
