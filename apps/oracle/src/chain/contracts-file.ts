import { readFileSync } from 'node:fs';
import { getAddress } from 'viem';
import { z } from 'zod';

const deployedSchema = z.object({
  address: z.string().regex(/^0x[0-9a-fA-F]{40}$/),
  deployBlock: z.number().int().nonnegative(),
});

/** The OpinionMarket and VRF coordinator of a deployment JSON (`DemoDeployment`, the dev stack's contracts.json). */
export interface MarketContracts {
  chainId: number;
  opinionMarket: { address: `0x${string}`; deployBlock: number };
  vrfCoordinator: { address: `0x${string}`; deployBlock: number };
}

/** Reads and checks CONTRACTS_FILE; fails naming the file and the bad field. */
export function readMarketContracts(file: string, expectedChainId: number): MarketContracts {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw new Error(`CONTRACTS_FILE ${file} could not be read as JSON`, { cause: error });
  }
  const parsed = z
    .object({
      chainId: z.number().int().positive(),
      contracts: z.object({ opinionMarket: deployedSchema, vrfCoordinator: deployedSchema }),
    })
    .safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`CONTRACTS_FILE ${file} is not a deployment: ${problems}`);
  }
  if (parsed.data.chainId !== expectedChainId) {
    throw new Error(
      `CONTRACTS_FILE ${file} is for chain ${parsed.data.chainId}, but EVM_CHAIN_ID is ${expectedChainId}`,
    );
  }
  const { opinionMarket, vrfCoordinator } = parsed.data.contracts;
  return {
    chainId: parsed.data.chainId,
    opinionMarket: { address: getAddress(opinionMarket.address), deployBlock: opinionMarket.deployBlock },
    vrfCoordinator: { address: getAddress(vrfCoordinator.address), deployBlock: vrfCoordinator.deployBlock },
  };
}
