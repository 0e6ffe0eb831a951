import { type DemoContractKey, demoContractKinds, roles } from '@convergence/contracts';
import type { Address, Hex } from 'viem';
import { z } from 'zod';
import { ContractOpsException } from './contract-ops.exception';

/** One contract the emergency operations act on, named as in the demo deployment (`trust`, `opinionMarket`, …). */
export interface CatalogContract {
  name: DemoContractKey;
  address: Address;
}

/** The contracts of one deployment, in the deployment's order. */
export interface ContractCatalog {
  chainId: number;
  contracts: readonly CatalogContract[];
}

const contractNames = Object.keys(demoContractKinds) as DemoContractKey[];

const deploymentSchema = z.object({
  chainId: z.number().int().positive(),
  // Any subset of the demo contracts: a network may have deployed only some of them.
  contracts: z.record(
    z.string(),
    z
      .object({ address: z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'must be a 20-byte hex address') })
      .passthrough(),
  ),
});

/**
 * The catalog of a `DemoDeployment` JSON (CONTRACTS_FILE); entries that are not demo contracts are refused by name.
 *
 * @example
 * catalogOf({ chainId: 31337, contracts: { trust: { address: '0xab…', deployBlock: 1 } } })
 * // { chainId: 31337, contracts: [{ name: 'trust', address: '0xab…' }] }
 */
export function catalogOf(json: unknown): ContractCatalog {
  const deployment = deploymentSchema.parse(json);
  const unknown = Object.keys(deployment.contracts).filter(
    (n) => !contractNames.includes(n as DemoContractKey),
  );
  if (unknown.length > 0)
    throw new Error(
      `contracts file names unknown contracts: ${unknown.join(', ')} (known: ${contractNames.join(', ')})`,
    );
  return {
    chainId: deployment.chainId,
    contracts: contractNames
      .filter((name) => deployment.contracts[name] !== undefined)
      .map((name) => ({ name, address: deployment.contracts[name]!.address.toLowerCase() as Address })),
  };
}

/**
 * The contracts a request names: one by name (case-insensitive) or every one with `all`.
 *
 * @example
 * selectContracts(catalog, 'all')   // every contract
 * selectContracts(catalog, 'TRUST') // [{ name: 'trust', … }]
 */
export function selectContracts(catalog: ContractCatalog, selector: string): CatalogContract[] {
  if (selector === 'all') return [...catalog.contracts];
  const found = catalog.contracts.find((c) => c.name.toLowerCase() === selector.toLowerCase());
  if (!found)
    throw new ContractOpsException(
      'unknown-contract',
      `contract "${selector}" is not in the deployment (known: ${catalog.contracts.map((c) => c.name).join(', ')})`,
    );
  return [found];
}

/** A role as the API answers it: its name when known, and its 32-byte id. */
export interface ResolvedRole {
  role: string;
  roleId: Hex;
}

/**
 * A role given by name (`PAUSER_ROLE`) or as a 0x 32-byte id; a known id is answered with its name.
 *
 * @example
 * resolveRole('PAUSER_ROLE') // { role: 'PAUSER_ROLE', roleId: '0x65d7…' }
 * resolveRole('0x00…00')     // { role: 'DEFAULT_ADMIN_ROLE', roleId: '0x00…00' }
 */
export function resolveRole(role: string): ResolvedRole {
  if (/^0x[0-9a-fA-F]{64}$/.test(role)) {
    const roleId = role.toLowerCase() as Hex;
    return { role: roleNameOf(roleId) ?? roleId, roleId };
  }
  const roleId = (roles as Record<string, Hex>)[role];
  if (!roleId)
    throw new ContractOpsException(
      'unknown-role',
      `role "${role}" is neither a known role (${Object.keys(roles).join(', ')}) nor a 0x-prefixed 32-byte id`,
    );
  return { role, roleId };
}

/** The name of a known role id, for answers and revert reasons. */
export function roleNameOf(roleId: string): string | undefined {
  const lower = roleId.toLowerCase();
  return Object.entries(roles).find(([, id]) => id === lower)?.[0];
}
