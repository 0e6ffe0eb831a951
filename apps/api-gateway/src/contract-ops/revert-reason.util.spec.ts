import { roles } from '@convergence/contracts';
import { ContractFunctionExecutionError, ContractFunctionRevertedError, encodeErrorResult } from 'viem';
import { rolePausableAbi } from './contract-call.util';
import { revertReasonOf } from './revert-reason.util';

const account = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

function revertOf(data: `0x${string}`) {
  const cause = new ContractFunctionRevertedError({ abi: rolePausableAbi, data, functionName: 'pause' });
  return new ContractFunctionExecutionError(cause, { abi: rolePausableAbi, functionName: 'pause' });
}

describe(revertReasonOf.name, () => {
  it('names the custom error and its arguments, with role ids by name', () => {
    const data = encodeErrorResult({
      abi: rolePausableAbi,
      errorName: 'AccessControlUnauthorizedAccount',
      args: [account, roles.PAUSER_ROLE],
    });
    expect(revertReasonOf(revertOf(data))).toBe(
      `AccessControlUnauthorizedAccount(account=${account}, neededRole=PAUSER_ROLE)`,
    );
  });

  it('names an error without arguments', () => {
    const data = encodeErrorResult({ abi: rolePausableAbi, errorName: 'EnforcedPause' });
    expect(revertReasonOf(revertOf(data))).toBe('EnforcedPause()');
  });

  it('is undefined for an error that is not a revert', () => {
    expect(revertReasonOf(new Error('socket hang up'))).toBeUndefined();
  });
});
