import { BaseError, ContractFunctionRevertedError } from 'viem';
import { roleNameOf } from './contract-catalog.util';

/**
 * A revert as an operator reads it: the custom error with its arguments (role ids named), or the
 * revert string; undefined when the error is not a revert (network, timeout).
 *
 * @example
 * revertReasonOf(error) // 'AccessControlUnauthorizedAccount(account=0xab…, neededRole=PAUSER_ROLE)'
 */
export function revertReasonOf(error: unknown): string | undefined {
  if (!(error instanceof BaseError)) return undefined;
  const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
  if (!(reverted instanceof ContractFunctionRevertedError)) return undefined;
  const decoded = reverted.data;
  if (decoded && decoded.errorName !== 'Error') {
    const inputs = 'inputs' in decoded.abiItem ? decoded.abiItem.inputs : [];
    const names = inputs.map((input, i) => input.name || `arg${i}`);
    const args = (decoded.args ?? []).map((arg, i) => `${names[i]}=${describeArg(arg)}`);
    return `${decoded.errorName}(${args.join(', ')})`;
  }
  return reverted.reason ?? reverted.signature ?? 'reverted without a reason';
}

function describeArg(arg: unknown): string {
  if (typeof arg === 'string') return roleNameOf(arg) ?? arg;
  if (typeof arg === 'bigint') return arg.toString();
  return JSON.stringify(arg);
}
