import { readFileSync } from 'node:fs';
import type { DemoDeployment } from '@convergence/contracts';

/** Token symbols unlock conditions can name, in the order they are configured. */
export const TOKEN_SYMBOLS = ['TRUST', 'TALLY', 'VOUCHER'] as const;

export type TokenSymbol = (typeof TOKEN_SYMBOLS)[number];

/** The contracts whose logs change a profile, by lowercase address, on one chain. */
export interface ChainContracts {
  readonly chainId: number;
  /** Lowercase address to token symbol. */
  readonly tokens: ReadonlyMap<string, TokenSymbol>;
  /** Lowercase address of the Covenant NFT, if deployed. */
  readonly covenant?: string;
  /** Lowercase address of the governor, if deployed. */
  readonly governor?: string;
}

/**
 * The profile-relevant contracts of a demo deployment (the `CONTRACTS_FILE` the dev stack writes).
 *
 * @example
 * chainContractsOf({ chainId: 31337, contracts: { trust: { address: '0xAb…' }, … } }).tokens.get('0xab…') // 'TRUST'
 */
export function chainContractsOf(deployment: DemoDeployment): ChainContracts {
  const { trust, tally, voucher, covenant, governor } = deployment.contracts;
  return {
    chainId: deployment.chainId,
    tokens: new Map<string, TokenSymbol>([
      [trust.address.toLowerCase(), 'TRUST'],
      [tally.address.toLowerCase(), 'TALLY'],
      [voucher.address.toLowerCase(), 'VOUCHER'],
    ]),
    covenant: covenant.address.toLowerCase(),
    governor: governor.address.toLowerCase(),
  };
}

/** No contracts known: logs still count as activity, but move no balances. */
export function emptyChainContracts(chainId: number): ChainContracts {
  return { chainId, tokens: new Map() };
}

/** Reads `CONTRACTS_FILE`; a missing or malformed file fails the boot with the path named. */
export function loadChainContracts(file: string | undefined, chainId: number): ChainContracts {
  if (file === undefined) return emptyChainContracts(chainId);
  let deployment: DemoDeployment;
  try {
    deployment = JSON.parse(readFileSync(file, 'utf8')) as DemoDeployment;
  } catch (cause) {
    throw new Error(`CONTRACTS_FILE ${file} could not be read as a deployment`, { cause });
  }
  return chainContractsOf(deployment);
}

/** Nest token of the service's `ChainContracts`. */
export const CHAIN_CONTRACTS = Symbol('CHAIN_CONTRACTS');

/** The contract address of a token symbol, for reading balances on chain. */
export function addressOfToken(contracts: ChainContracts, symbol: string): string | undefined {
  for (const [address, token] of contracts.tokens) if (token === symbol) return address;
  return undefined;
}
