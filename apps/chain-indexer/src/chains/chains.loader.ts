import { readFileSync } from 'node:fs';
import type { DemoDeployment } from '@convergence/contracts';
import type { ChainIndexerEnv } from '../config/env';
import type { ChainConfig } from './chain-config.model';
import { ChainsConfigError } from './chains-config.error';
import { chainOfDemoDeployment, chainsOfFileText } from './chains-config.util';

/**
 * The chains to index: CHAINS_FILE when set, else the one zero-config chain of EVM_RPC_URL +
 * CONTRACTS_FILE, else none (the service runs, indexing nothing). Throws ChainsConfigError.
 */
export function loadChains(env: ChainIndexerEnv): ChainConfig[] {
  if (env.CHAINS_FILE) return chainsOfFileText(readText(env.CHAINS_FILE, 'CHAINS_FILE'), env.CHAINS_FILE);
  if (!env.EVM_RPC_URL || !env.CONTRACTS_FILE) return [];
  let deployment: DemoDeployment;
  try {
    deployment = JSON.parse(readText(env.CONTRACTS_FILE, 'CONTRACTS_FILE')) as DemoDeployment;
  } catch (cause) {
    if (cause instanceof ChainsConfigError) throw cause;
    throw new ChainsConfigError(`CONTRACTS_FILE ${env.CONTRACTS_FILE} is not JSON`, [], { cause });
  }
  return [
    chainOfDemoDeployment(deployment, {
      rpcUrl: env.EVM_RPC_URL,
      chainId: env.EVM_CHAIN_ID,
      confirmations: env.EVM_CONFIRMATIONS,
      finalityDepth: env.EVM_FINALITY_DEPTH,
    }),
  ];
}

function readText(file: string, variable: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (cause) {
    throw new ChainsConfigError(`${variable} ${file} cannot be read`, [], { cause });
  }
}
