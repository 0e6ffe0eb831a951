import { demoTokenAbi } from '@convergence/contracts';
import { type Address, type Hex, encodeFunctionData } from 'viem';
import type { CatalogContract, ResolvedRole } from './contract-catalog.util';

/**
 * The admin surface every demo contract shares (OpenZeppelin AccessControl + Pausable through RolePausable):
 * DemoToken's ABI carries it with the same selectors and custom errors as the others.
 */
export const rolePausableAbi = demoTokenAbi;

/** An emergency operation on one contract. */
export type ContractCall =
  | { kind: 'pause' | 'unpause'; contract: CatalogContract }
  | { kind: 'grantRole' | 'revokeRole'; contract: CatalogContract; role: ResolvedRole; account: Address };

/** A transaction for a multisig to execute instead of the gateway sending it. */
export interface MultisigProposal {
  to: Address;
  data: Hex;
  value: '0';
  summary: string;
}

/** The calldata of an operation. */
export function calldataOf(call: ContractCall): Hex {
  switch (call.kind) {
    case 'pause':
    case 'unpause':
      return encodeFunctionData({ abi: rolePausableAbi, functionName: call.kind });
    case 'grantRole':
    case 'revokeRole':
      return encodeFunctionData({
        abi: rolePausableAbi,
        functionName: call.kind,
        args: [call.role.roleId, call.account],
      });
  }
}

/** What an operation does, in words an approver of the multisig reads. */
export function summaryOf(call: ContractCall): string {
  const where = `${call.contract.name} (${call.contract.address})`;
  switch (call.kind) {
    case 'pause':
      return `Pause ${where}: state-changing calls revert until it is unpaused`;
    case 'unpause':
      return `Unpause ${where}`;
    case 'grantRole':
      return `Grant ${call.role.role} on ${where} to ${call.account}`;
    case 'revokeRole':
      return `Revoke ${call.role.role} on ${where} from ${call.account}`;
  }
}

/**
 * The proposal a multisig executes for an operation: target, calldata, no value, and a summary.
 *
 * @example
 * proposalOf({ kind: 'pause', contract: { name: 'trust', address: '0xab…' } })
 * // { to: '0xab…', data: '0x8456cb59', value: '0', summary: 'Pause trust (0xab…): …' }
 */
export function proposalOf(call: ContractCall): MultisigProposal {
  return { to: call.contract.address, data: calldataOf(call), value: '0', summary: summaryOf(call) };
}

/** Why direct mode may not sign on a chain, or undefined when it may (a configured test network). */
export function directModeRefusal(chainId: number, testChainIds: readonly number[]): string | undefined {
  if (testChainIds.includes(chainId)) return undefined;
  return (
    `chain ${chainId} is not a test network (GATEWAY_TEST_CHAIN_IDS: ${testChainIds.join(', ') || 'none'}); ` +
    'emergency operations there go through a multisig (GATEWAY_CONTRACT_OPS_MODE=multisig)'
  );
}
