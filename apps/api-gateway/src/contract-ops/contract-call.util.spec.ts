import { roles } from '@convergence/contracts';
import { decodeFunctionData } from 'viem';
import { directModeRefusal, proposalOf, rolePausableAbi } from './contract-call.util';

const trust = { name: 'trust', address: '0x5fbdb2315678afecb367f032d93f642f64180aa3' } as const;
const account = '0x70997970c51812dc3a010c7d01b50e0d17dc79c8' as const;

describe(proposalOf.name, () => {
  it('proposes a pause as a call of pause() on the contract, with no value', () => {
    const proposal = proposalOf({ kind: 'pause', contract: trust });
    expect(proposal).toEqual({
      to: trust.address,
      data: '0x8456cb59',
      value: '0',
      summary: `Pause trust (${trust.address}): state-changing calls revert until it is unpaused`,
    });
  });

  it('proposes a grant whose calldata decodes to grantRole(role, account)', () => {
    const proposal = proposalOf({
      kind: 'grantRole',
      contract: trust,
      role: { role: 'PAUSER_ROLE', roleId: roles.PAUSER_ROLE },
      account,
    });
    expect(decodeFunctionData({ abi: rolePausableAbi, data: proposal.data })).toEqual({
      functionName: 'grantRole',
      args: [roles.PAUSER_ROLE, '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'],
    });
    expect(proposal.summary).toBe(`Grant PAUSER_ROLE on trust (${trust.address}) to ${account}`);
  });
});

describe(directModeRefusal.name, () => {
  it('lets direct mode sign on a configured test network only', () => {
    expect(directModeRefusal(31337, [31337, 11155111])).toBeUndefined();
    expect(directModeRefusal(1, [31337, 11155111])).toBe(
      'chain 1 is not a test network (GATEWAY_TEST_CHAIN_IDS: 31337, 11155111); ' +
        'emergency operations there go through a multisig (GATEWAY_CONTRACT_OPS_MODE=multisig)',
    );
  });
});
