import type { DemoContractKey, DeployedContract } from '@convergence/contracts';

/** One line of the mainnet pre-flight checklist. */
export interface PreflightResult {
  item: 'migrations' | 'contracts-verified' | 'multisig' | 'release-values';
  ok: boolean;
  /** What was found: each pending migration, each contract, each role check. */
  details: string[];
}

/** Renders the checklist as operators read it before confirming. */
export function formatChecklist(results: readonly PreflightResult[]): string {
  return results
    .map((r) => [`[${r.ok ? 'x' : ' '}] ${r.item}`, ...r.details.map((d) => `      ${d}`)].join('\n'))
    .join('\n');
}

/**
 * The contracts a release works with on its chain: the dev stack's DemoDeployment JSON shape
 * (`{ chainId, contracts: { opinionMarket: { address, deployBlock }, ... } }`), any subset of keys.
 */
export interface ReleaseContracts {
  chainId: number;
  contracts: Partial<Record<DemoContractKey, DeployedContract>>;
}
