import {
  encodeAbiParameters,
  encodeFunctionData,
  keccak256,
  parseEther,
  toHex,
  type Address,
  type Hex,
} from 'viem';
import { demoGovernorAbi, demoTokenAbi } from '@convergence/contracts';
import { eventsOf, expectRevert, useDemoChain, type DemoChain } from './demo-chain';

const VOTING_PERIOD = 20n;
const QUORUM = parseEther('500');
// DemoGovernor.ProposalState mirrors OpenZeppelin's enum order.
const State = { Active: 1, Defeated: 3, Succeeded: 4, Executed: 7 } as const;

describe('DemoGovernor on a Hardhat node', () => {
  const chain = useDemoChain({ votingPeriodBlocks: VOTING_PERIOD, quorum: QUORUM });
  let governor: { address: Address; abi: typeof demoGovernorAbi };
  let tally: Address;

  /** Off-chain twin of hashProposal (same derivation as OpenZeppelin Governor). */
  const proposalIdOf = (targets: Address[], values: bigint[], calldatas: Hex[], description: string) =>
    BigInt(
      keccak256(
        encodeAbiParameters(
          [{ type: 'address[]' }, { type: 'uint256[]' }, { type: 'bytes[]' }, { type: 'bytes32' }],
          [targets, values, calldatas, keccak256(toHex(description))],
        ),
      ),
    );
  const stateOf = (proposalId: bigint) =>
    chain.publicClient.readContract({ ...governor, functionName: 'state', args: [proposalId] });

  beforeAll(async () => {
    governor = { address: chain.deployment.contracts.governor.address, abi: demoGovernorAbi };
    tally = chain.deployment.contracts.tally.address;
    const trust = chain.deployment.contracts.trust.address;
    const holdings: Array<[Address, string]> = [
      [chain.alice.account.address, '600'],
      [chain.bob.account.address, '300'],
      [chain.carol.account.address, '150'],
      [chain.admin.account.address, '1'],
    ];
    for (const [holder, amount] of holdings) {
      await chain.send(
        chain.admin.writeContract({
          address: trust,
          abi: demoTokenAbi,
          functionName: 'mint',
          args: [holder, parseEther(amount)],
        }),
      );
    }
  });

  it('propose → For/Against/Abstain votes weighted by TRUST → succeeded → execute mints TALLY', async () => {
    const carol = chain.carol.account.address;
    const calldata = encodeFunctionData({ abi: demoTokenAbi, functionName: 'mint', args: [carol, 77n] });
    const description = 'Mint 77 TALLY to carol';
    const proposed = await chain.send(
      chain.alice.writeContract({
        ...governor,
        functionName: 'propose',
        args: [[tally], [0n], [calldata], description],
      }),
    );
    const [created] = eventsOf(proposed, demoGovernorAbi, 'ProposalCreated');
    const proposalId = proposalIdOf([tally], [0n], [calldata], description);
    expect(created?.args).toEqual({
      proposalId,
      proposer: chain.alice.account.address,
      targets: [tally],
      values: [0n],
      signatures: [''],
      calldatas: [calldata],
      voteStart: proposed.blockNumber,
      voteEnd: proposed.blockNumber + VOTING_PERIOD,
      description,
    });

    const votes: Array<[DemoChain['alice'], number, string, bigint]> = [
      [chain.alice, 1, '', parseEther('600')],
      [chain.bob, 0, 'too much', parseEther('300')],
      [chain.carol, 2, 'no opinion', parseEther('150')],
    ];
    for (const [voter, support, reason, weight] of votes) {
      const receipt = await chain.send(
        voter.writeContract({
          ...governor,
          functionName: 'castVoteWithReason',
          args: [proposalId, support, reason],
        }),
      );
      expect(eventsOf(receipt, demoGovernorAbi, 'VoteCast')[0]?.args).toEqual({
        voter: voter.account.address,
        proposalId,
        support,
        weight,
        reason,
      });
    }

    const [alreadyVoted] = await expectRevert(
      chain.alice.writeContract({ ...governor, functionName: 'castVote', args: [proposalId, 1] }),
      'GovernorAlreadyCastVote',
    );
    expect(alreadyVoted).toBe(chain.alice.account.address);
    await expectRevert(
      chain.oracle.writeContract({ ...governor, functionName: 'castVote', args: [proposalId, 1] }),
      'GovernorNoVotingWeight',
    );
    await expectRevert(
      chain.admin.writeContract({ ...governor, functionName: 'castVote', args: [proposalId, 3] }),
      'GovernorInvalidVoteType',
    );
    expect(
      await chain.publicClient.readContract({
        ...governor,
        functionName: 'proposalVotes',
        args: [proposalId],
      }),
    ).toEqual([parseEther('300'), parseEther('600'), parseEther('150')]);
    expect(await stateOf(proposalId)).toBe(State.Active);
    await expectRevert(
      chain.bob.writeContract({
        ...governor,
        functionName: 'execute',
        args: [[tally], [0n], [calldata], keccak256(toHex(description))],
      }),
      'GovernorUnexpectedProposalState',
    );

    await chain.mine(Number(VOTING_PERIOD));
    expect(await stateOf(proposalId)).toBe(State.Succeeded);
    await expectRevert(
      chain.admin.writeContract({ ...governor, functionName: 'castVote', args: [proposalId, 1] }),
      'GovernorUnexpectedProposalState',
    );

    const executed = await chain.send(
      chain.bob.writeContract({
        ...governor,
        functionName: 'execute',
        args: [[tally], [0n], [calldata], keccak256(toHex(description))],
      }),
    );
    expect(eventsOf(executed, demoGovernorAbi, 'ProposalExecuted')[0]?.args).toEqual({ proposalId });
    expect(eventsOf(executed, demoTokenAbi, 'Transfer')[0]?.args).toMatchObject({ to: carol, value: 77n });
    expect(await stateOf(proposalId)).toBe(State.Executed);
  });

  it('a proposal below quorum is defeated and cannot be executed', async () => {
    const description = 'Signal: rename TALLY';
    const proposed = await chain.send(
      chain.bob.writeContract({ ...governor, functionName: 'propose', args: [[], [], [], description] }),
    );
    const proposalId = eventsOf(proposed, demoGovernorAbi, 'ProposalCreated')[0]!.args.proposalId;
    expect(proposalId).toBe(proposalIdOf([], [], [], description));
    await chain.send(
      chain.carol.writeContract({ ...governor, functionName: 'castVote', args: [proposalId, 1] }),
    );
    await expectRevert(
      chain.bob.writeContract({ ...governor, functionName: 'propose', args: [[], [], [], description] }),
      'GovernorProposalExists',
    );

    await chain.mine(Number(VOTING_PERIOD));
    expect(await stateOf(proposalId)).toBe(State.Defeated);
    const args = await expectRevert(
      chain.bob.writeContract({
        ...governor,
        functionName: 'execute',
        args: [[], [], [], keccak256(toHex(description))],
      }),
      'GovernorUnexpectedProposalState',
    );
    expect(args).toEqual([proposalId, State.Defeated]);
  });
});
