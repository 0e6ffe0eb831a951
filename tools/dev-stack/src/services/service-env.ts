import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { StackHandle } from '../stack-types';
import { SERVICES, type ServiceDefinition } from './service-list';

/**
 * The environment of one service: `base` (the repo's .env under the real environment), then what the dev stack
 * decides: PORT, DATABASE_URL, KAFKA_BROKERS, EVM_RPC_URL, EVM_CHAIN_ID and CONTRACTS_FILE (the EVM ones only
 * when the stack runs Hardhat; otherwise those from `base` pass through), LOG_LEVEL (default info), and
 * SWC_NODE_PROJECT (the app's own tsconfig, so @swc-node/register compiles it with the app's settings), and for the
 * api-gateway UPSTREAM_<SERVICE>_URL of every other service; the oracle gets the
 * Hardhat deployer's public dev key as ORACLE_PRIVATE_KEY (the api-gateway as GATEWAY_OPERATOR_PRIVATE_KEY); with the local Solana cluster the chain-indexer gets its
 * SOLANA_RPC_URLS and SOLANA_PROGRAMS, and the unlock-engine the demo mint as UNLOCK_SOLANA_MINTS.
 */
export function serviceEnv(
  service: ServiceDefinition,
  stack: StackHandle,
  base: NodeJS.ProcessEnv,
  rootDir: string,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...base,
    PORT: String(service.port),
    DATABASE_URL: stack.databaseUrl,
    KAFKA_BROKERS: stack.kafkaBrokers.join(','),
    LOG_LEVEL: base['LOG_LEVEL'] || 'info',
  };
  if (service.name === 'api-gateway') {
    // The gateway forwards to the owners at the ports npm start gives them (UPSTREAM_<SERVICE>_URL).
    for (const upstream of SERVICES.filter((other) => other.name !== service.name)) {
      const key = `UPSTREAM_${upstream.name.toUpperCase().replace(/-/g, '_')}_URL`;
      env[key] = base[key] || `http://127.0.0.1:${upstream.port}`;
    }
  }
  if (stack.evm) {
    env['EVM_RPC_URL'] = stack.evm.rpcUrl;
    env['EVM_CHAIN_ID'] = String(stack.evm.chainId);
    env['CONTRACTS_FILE'] = stack.evm.contractsFile;
    // The demo contracts are deployed by dev account #0, which also holds the OpinionMarket's ORACLE_ROLE.
    if (service.name === 'oracle' && stack.evm.accounts[0]) {
      env['ORACLE_PRIVATE_KEY'] = base['ORACLE_PRIVATE_KEY'] || stack.evm.accounts[0];
    }
    // The deployer is admin and pauser of every demo contract: the gateway's emergency operations sign with it.
    if (service.name === 'api-gateway' && stack.evm.accounts[0]) {
      env['GATEWAY_OPERATOR_PRIVATE_KEY'] = base['GATEWAY_OPERATOR_PRIVATE_KEY'] || stack.evm.accounts[0];
    }
  }
  if (stack.solana && service.name === 'chain-indexer') {
    env['SOLANA_RPC_URLS'] = stack.solana.rpcUrl;
    env['SOLANA_PROGRAMS'] = JSON.stringify(stack.solana.programs);
  }
  // The demo mint is new on every start: the unlock-engine projects holdings of it unless told otherwise.
  if (stack.solana?.demo && service.name === 'unlock-engine') {
    env['UNLOCK_SOLANA_MINTS'] = base['UNLOCK_SOLANA_MINTS'] || stack.solana.demo.mint;
  }
  const tsconfig = ['tsconfig.app.json', 'tsconfig.json']
    .map((file) => join(rootDir, 'apps', service.name, file))
    .find((file) => existsSync(file));
  if (tsconfig) env['SWC_NODE_PROJECT'] = tsconfig;
  else delete env['SWC_NODE_PROJECT'];
  return env;
}
