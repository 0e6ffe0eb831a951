import {
  covenantAbi,
  demoGovernorAbi,
  demoTokenAbi,
  opinionMarketAbi,
  type DemoDeployment,
} from '@convergence/contracts';
import { encodeFunctionData, keccak256, parseEther, parseEventLogs, toHex, type Hash, type Hex } from 'viem';
import { chainClients, mined, type DevWalletClient } from './chain-clients';

export interface SeedSummary {
  /** Transactions sent (all mined successfully). */
  transactions: number;
  /** The open proposal ("mint TALLY to the treasury") with three votes cast. */
  proposalId: bigint;
  /** The open opinion market with three stakes. */
  marketId: bigint;
}

export const SEED_PROPOSAL_DESCRIPTION = 'Mint 5,000 TALLY to the community treasury';
export const SEED_MARKET_STATEMENT = 'ETH closes the month above $4,000';

/**
 * Believable activity on a fresh deployment: mints and transfers of TRUST/TALLY/VOUCHER among four dev
 * accounts, three Covenant NFTs (one transferred), a proposal with For/Against/Abstain votes, and an open
 * opinion market with three stakes. `keys[0]` must hold MINTER_ROLE (the deployer); needs at least 4 keys.
 * @example
 * const deployment = await deployDemoContracts(node.rpcUrl, node.accounts[0]);
 * const { proposalId, marketId } = await seedDemoActivity(node.rpcUrl, deployment, node.accounts);
 */
export async function seedDemoActivity(
  rpcUrl: string,
  deployment: DemoDeployment,
  keys: Hex[],
): Promise<SeedSummary> {
  const [adminKey, aliceKey, bobKey, carolKey] = keys;
  if (!adminKey || !aliceKey || !bobKey || !carolKey) {
    throw new Error(`seedDemoActivity needs at least 4 keys, got ${keys.length}`);
  }
  const { publicClient, wallet } = chainClients(rpcUrl, deployment.chainId);
  const [admin, alice, bob, carol] = [wallet(adminKey), wallet(aliceKey), wallet(bobKey), wallet(carolKey)];
  const { trust, tally, voucher, covenant, governor, opinionMarket } = deployment.contracts;
  let transactions = 0;
  const send = async (hash: Promise<Hash>) => {
    transactions++;
    return mined(publicClient, await hash);
  };
  const mint = { abi: demoTokenAbi, functionName: 'mint' } as const;

  for (const holder of [admin, alice, bob, carol]) {
    const to = holder.account.address;
    await send(admin.writeContract({ ...mint, address: trust.address, args: [to, parseEther('10000')] }));
    await send(admin.writeContract({ ...mint, address: tally.address, args: [to, parseEther('2500')] }));
  }
  await send(
    admin.writeContract({
      ...mint,
      address: voucher.address,
      args: [alice.account.address, parseEther('500')],
    }),
  );
  await send(
    admin.writeContract({
      ...mint,
      address: voucher.address,
      args: [bob.account.address, parseEther('500')],
    }),
  );

  const transfer = { abi: demoTokenAbi, functionName: 'transfer' } as const;
  await send(
    alice.writeContract({
      ...transfer,
      address: trust.address,
      args: [bob.account.address, parseEther('250')],
    }),
  );
  await send(
    bob.writeContract({
      ...transfer,
      address: trust.address,
      args: [carol.account.address, parseEther('100')],
    }),
  );
  await send(
    carol.writeContract({
      ...transfer,
      address: tally.address,
      args: [alice.account.address, parseEther('40')],
    }),
  );
  await send(
    alice.writeContract({
      ...transfer,
      address: voucher.address,
      args: [carol.account.address, parseEther('5')],
    }),
  );

  for (const holder of [alice, bob, carol]) {
    await send(
      admin.writeContract({
        address: covenant.address,
        abi: covenantAbi,
        functionName: 'mint',
        args: [holder.account.address],
      }),
    );
  }
  await send(
    carol.writeContract({
      address: covenant.address,
      abi: covenantAbi,
      functionName: 'transferFrom',
      args: [carol.account.address, alice.account.address, 3n],
    }),
  );

  const mintCall = encodeFunctionData({
    abi: demoTokenAbi,
    functionName: 'mint',
    args: [admin.account.address, parseEther('5000')],
  });
  const proposed = await send(
    alice.writeContract({
      address: governor.address,
      abi: demoGovernorAbi,
      functionName: 'propose',
      args: [[tally.address], [0n], [mintCall], SEED_PROPOSAL_DESCRIPTION],
    }),
  );
  const [created] = parseEventLogs({
    abi: demoGovernorAbi,
    eventName: 'ProposalCreated',
    logs: proposed.logs,
  });
  if (!created) throw new Error('propose emitted no ProposalCreated');
  const proposalId = created.args.proposalId;
  const votes: Array<[DevWalletClient, number, string]> = [
    [alice, 1, 'Grants bring builders'],
    [bob, 0, 'Treasury is big enough'],
    [carol, 2, ''],
  ];
  for (const [voter, support, reason] of votes) {
    await send(
      voter.writeContract({
        address: governor.address,
        abi: demoGovernorAbi,
        functionName: 'castVoteWithReason',
        args: [proposalId, support, reason],
      }),
    );
  }

  const { timestamp } = await publicClient.getBlock();
  const market = { address: opinionMarket.address, abi: opinionMarketAbi } as const;
  const createdMarket = await send(
    admin.writeContract({
      ...market,
      functionName: 'createMarket',
      args: [SEED_MARKET_STATEMENT, timestamp + 7n * 86_400n],
    }),
  );
  const [marketEvent] = parseEventLogs({
    abi: opinionMarketAbi,
    eventName: 'MarketCreated',
    logs: createdMarket.logs,
  });
  if (!marketEvent) throw new Error('createMarket emitted no MarketCreated');
  const marketId = marketEvent.args.marketId;
  const stakes: Array<[DevWalletClient, string, string]> = [
    [alice, '300', 'Yes: ETF inflows keep climbing'],
    [bob, '120', 'No: macro headwinds cap the rally'],
    [carol, '75', 'Yes, but only just'],
  ];
  for (const [staker, amount, opinion] of stakes) {
    await send(
      staker.writeContract({
        address: trust.address,
        abi: demoTokenAbi,
        functionName: 'approve',
        args: [opinionMarket.address, parseEther(amount)],
      }),
    );
    await send(
      staker.writeContract({
        ...market,
        functionName: 'stake',
        args: [marketId, parseEther(amount), keccak256(toHex(opinion))],
      }),
    );
  }

  return { transactions, proposalId, marketId };
}
