import type { Address } from 'viem';
import type { ContractName } from './generated';

/**
 * Which compiled contract backs each entry of a demo deployment (TRUST, TALLY and VOUCHER share DemoToken).
 * @example const abi = contractAbis[demoContractKinds.trust]; // demoTokenAbi
 */
export const demoContractKinds = {
  trust: 'DemoToken',
  tally: 'DemoToken',
  voucher: 'DemoToken',
  covenant: 'Covenant',
  governor: 'DemoGovernor',
  opinionMarket: 'OpinionMarket',
  vrfCoordinator: 'MockVRFCoordinator',
} as const satisfies Record<string, ContractName>;

export type DemoContractKey = keyof typeof demoContractKinds;

/** Where a contract lives; `deployBlock` is where an indexer should start scanning. */
export interface DeployedContract {
  address: Address;
  deployBlock: number;
}

/** The demo contracts on one chain (JSON-serialisable, so the dev stack can hand it to services). */
export interface DemoDeployment {
  chainId: number;
  contracts: Record<DemoContractKey, DeployedContract>;
}
