import { formatEther, type Address } from 'viem';
import { covenantAbi, demoGovernorAbi, demoTokenAbi, opinionMarketAbi, roles } from '@convergence/contracts';
import { SEED_MARKET_STATEMENT, seedDemoActivity } from '..';
import { useDemoChain } from './demo-chain';

describe('deployDemoContracts + seedDemoActivity', () => {
  const chain = useDemoChain();

  it('wires roles: admin everywhere, minters, the oracle and the coordinator', async () => {
    const { contracts } = chain.deployment;
    const admin = chain.admin.account.address;
    const hasRole = (address: Address, role: `0x${string}`, account: Address) =>
      chain.publicClient.readContract({
        address,
        abi: demoTokenAbi,
        functionName: 'hasRole',
        args: [role, account],
      });

    for (const contract of Object.values(contracts)) {
      expect(await hasRole(contract.address, roles.DEFAULT_ADMIN_ROLE, admin)).toBe(true);
      expect(await hasRole(contract.address, roles.PAUSER_ROLE, admin)).toBe(true);
    }
    for (const token of [contracts.trust, contracts.tally, contracts.voucher, contracts.covenant]) {
      expect(await hasRole(token.address, roles.MINTER_ROLE, admin)).toBe(true);
    }
    expect(await hasRole(contracts.tally.address, roles.MINTER_ROLE, contracts.governor.address)).toBe(true);
    expect(await hasRole(contracts.trust.address, roles.MINTER_ROLE, contracts.governor.address)).toBe(false);
    expect(
      await hasRole(contracts.opinionMarket.address, roles.ORACLE_ROLE, chain.oracle.account.address),
    ).toBe(true);
    expect(await hasRole(contracts.opinionMarket.address, roles.ORACLE_ROLE, admin)).toBe(false);

    const market = { address: contracts.opinionMarket.address, abi: opinionMarketAbi } as const;
    expect(await chain.publicClient.readContract({ ...market, functionName: 'vrfCoordinator' })).toBe(
      contracts.vrfCoordinator.address,
    );
    expect(await chain.publicClient.readContract({ ...market, functionName: 'stakeToken' })).toBe(
      contracts.trust.address,
    );
  });

  it('seeds balances, NFTs, a voted proposal and a staked market', async () => {
    const keys = [
      chain.node.accounts[0]!,
      chain.node.accounts[2]!,
      chain.node.accounts[3]!,
      chain.node.accounts[4]!,
    ];
    const summary = await seedDemoActivity(chain.node.rpcUrl, chain.deployment, keys);
    expect(summary.transactions).toBe(29);
    const { contracts } = chain.deployment;
    const [alice, bob, carol] = [chain.alice, chain.bob, chain.carol].map((w) => w.account.address) as [
      Address,
      Address,
      Address,
    ];
    const balance = async (token: Address, account: Address) =>
      formatEther(
        await chain.publicClient.readContract({
          address: token,
          abi: demoTokenAbi,
          functionName: 'balanceOf',
          args: [account],
        }),
      );

    // 10,000 minted each; alice → bob 250, bob → carol 100, then stakes of 300 / 120 / 75.
    expect(await balance(contracts.trust.address, alice)).toBe('9450');
    expect(await balance(contracts.trust.address, bob)).toBe('10030');
    expect(await balance(contracts.trust.address, carol)).toBe('10025');
    expect(await balance(contracts.tally.address, alice)).toBe('2540');
    expect(await balance(contracts.voucher.address, carol)).toBe('5');

    const covenant = { address: contracts.covenant.address, abi: covenantAbi } as const;
    expect(await chain.publicClient.readContract({ ...covenant, functionName: 'totalMinted' })).toBe(3n);
    expect(await chain.publicClient.readContract({ ...covenant, functionName: 'ownerOf', args: [3n] })).toBe(
      alice,
    );

    const votes = await chain.publicClient.readContract({
      address: contracts.governor.address,
      abi: demoGovernorAbi,
      functionName: 'proposalVotes',
      args: [summary.proposalId],
    });
    // Weights are balances at vote time (before staking): against = bob, for = alice, abstain = carol.
    expect(votes.map((v) => formatEther(v))).toEqual(['10150', '9750', '10100']);

    const market = await chain.publicClient.readContract({
      address: contracts.opinionMarket.address,
      abi: opinionMarketAbi,
      functionName: 'getMarket',
      args: [summary.marketId],
    });
    expect(market).toMatchObject({
      statement: SEED_MARKET_STATEMENT,
      status: 1,
      totalStaked: 495n * 10n ** 18n,
    });
  });
});
