import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StackEvm } from './stack-types';

export interface EvmPart {
  evm: StackEvm;
  stop(): Promise<void>;
}

/**
 * Starts a Hardhat node, deploys the demo contracts (writing them to `<stateDir>/contracts.json`) and,
 * with `withDemo`, seeds demo activity. The hardhat module (and viem with it) is loaded only here.
 */
export async function startEvm(
  stateDir: string,
  options: { port?: number; withDemo: boolean },
): Promise<EvmPart> {
  const { startHardhat, deployDemoContracts, seedDemoActivity } = await import('./hardhat');
  const node = await startHardhat({ port: options.port });
  try {
    const deployer = node.accounts[0];
    if (!deployer) throw new Error('The Hardhat node has no funded account to deploy with');
    const deployment = await deployDemoContracts(node.rpcUrl, deployer);
    const contractsFile = join(stateDir, 'contracts.json');
    await writeFile(contractsFile, `${JSON.stringify(deployment, null, 2)}\n`);
    const evm: StackEvm = {
      rpcUrl: node.rpcUrl,
      chainId: node.chainId,
      deployment,
      contractsFile,
      accounts: node.accounts,
    };
    if (options.withDemo) {
      const seeded = await seedDemoActivity(node.rpcUrl, deployment, node.accounts);
      evm.demo = {
        transactions: seeded.transactions,
        proposalId: seeded.proposalId.toString(),
        marketId: seeded.marketId.toString(),
      };
    }
    return { evm, stop: () => node.stop() };
  } catch (error) {
    await node.stop();
    throw new Error(`Hardhat started at ${node.rpcUrl} but the demo contracts could not be set up`, {
      cause: error,
    });
  }
}
