import { contractAbis, demoContractKinds, roles, type DemoContractKey } from '@convergence/contracts';
import { isAddress, zeroAddress, type Abi, type Address, type PublicClient } from 'viem';
import type { PreflightResult, ReleaseContracts } from './preflight.types';

/** What the mainnet values must say about settlement (chart `services.oracle.env`). */
export function multisigFromValues(values: unknown): { address?: Address; problems: string[] } {
  const env =
    (values as { services?: { oracle?: { env?: Record<string, unknown> } } })?.services?.oracle?.env ?? {};
  const problems: string[] = [];
  if (env['SETTLEMENT_MODE'] !== 'multisig') {
    problems.push(
      `services.oracle.env.SETTLEMENT_MODE must be multisig (is ${String(env['SETTLEMENT_MODE'] ?? 'unset')})`,
    );
  }
  const address = env['SETTLEMENT_MULTISIG_ADDRESS'];
  if (typeof address !== 'string' || !isAddress(address) || address.toLowerCase() === zeroAddress) {
    problems.push(
      `services.oracle.env.SETTLEMENT_MULTISIG_ADDRESS must be the multisig's address (is ${String(address ?? 'unset')})`,
    );
    return { problems };
  }
  return { address, problems };
}

const hasRoleIn = (abi: Abi) => abi.some((item) => item.type === 'function' && item.name === 'hasRole');

/**
 * Pre-flight item `multisig`: settlement goes through a multisig named in the values, that address
 * is a contract (a Safe, not a key), and it holds DEFAULT_ADMIN_ROLE on every AccessControl contract.
 */
export async function checkMultisig(
  values: unknown,
  deployment: ReleaseContracts,
  chain: PublicClient,
): Promise<PreflightResult> {
  const { address, problems } = multisigFromValues(values);
  if (!address) return { item: 'multisig', ok: false, details: problems };
  const details = [...problems];
  const code = await chain.getCode({ address });
  if (!code || code === '0x')
    details.push(`${address} has no contract code: a multisig is a contract, not a key`);
  let ok = details.length === 0;
  for (const [key, contract] of Object.entries(deployment.contracts) as [
    DemoContractKey,
    { address: Address } | undefined,
  ][]) {
    if (!contract) continue;
    const abi = contractAbis[demoContractKinds[key]] as Abi;
    if (!hasRoleIn(abi)) continue;
    const contractCode = await chain.getCode({ address: contract.address });
    if (!contractCode || contractCode === '0x') {
      ok = false;
      details.push(`${key} ${contract.address}: no contract code, so no roles to check`);
      continue;
    }
    try {
      const isAdmin = (await chain.readContract({
        address: contract.address,
        abi,
        functionName: 'hasRole',
        args: [roles.DEFAULT_ADMIN_ROLE, address],
      })) as boolean;
      if (!isAdmin) ok = false;
      details.push(
        `${key} ${contract.address}: multisig ${isAdmin ? 'holds' : 'does NOT hold'} DEFAULT_ADMIN_ROLE`,
      );
    } catch (error) {
      ok = false;
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      details.push(`${key} ${contract.address}: hasRole could not be read (${reason})`);
    }
  }
  return { item: 'multisig', ok, details };
}
