import { encodeAbiParameters, keccak256, maxUint256, toHex, type Address } from 'viem';
import { demoTokenAbi, mockVrfCoordinatorAbi, opinionMarketAbi, roles } from '@convergence/contracts';
import { eventsOf, expectRevert, useDemoChain } from './demo-chain';

const VRF_SEED = 42n;

describe('OpinionMarket on a Hardhat node', () => {
  const chain = useDemoChain({ vrfSeed: VRF_SEED });
  let market: { address: Address; abi: typeof opinionMarketAbi };
  let trust: { address: Address; abi: typeof demoTokenAbi };
  let coordinator: { address: Address; abi: typeof mockVrfCoordinatorAbi };

  const balanceOf = (account: Address) =>
    chain.publicClient.readContract({ ...trust, functionName: 'balanceOf', args: [account] });

  beforeAll(async () => {
    market = { address: chain.deployment.contracts.opinionMarket.address, abi: opinionMarketAbi };
    trust = { address: chain.deployment.contracts.trust.address, abi: demoTokenAbi };
    coordinator = { address: chain.deployment.contracts.vrfCoordinator.address, abi: mockVrfCoordinatorAbi };
    for (const wallet of [chain.alice, chain.bob, chain.carol]) {
      await chain.send(
        chain.admin.writeContract({
          ...trust,
          functionName: 'mint',
          args: [wallet.account.address, 1_000_000n],
        }),
      );
      await chain.send(
        wallet.writeContract({ ...trust, functionName: 'approve', args: [market.address, maxUint256] }),
      );
    }
  });

  /** Creates a market (as admin) and stakes `amounts` from alice, bob and carol in that order. */
  async function openMarket(amounts: bigint[]): Promise<bigint> {
    const { timestamp } = await chain.publicClient.getBlock();
    const created = await chain.send(
      chain.admin.writeContract({
        ...market,
        functionName: 'createMarket',
        args: ['Will it rain?', timestamp + 3600n],
      }),
    );
    const marketId = eventsOf(created, opinionMarketAbi, 'MarketCreated')[0]!.args.marketId;
    const stakers = [chain.alice, chain.bob, chain.carol];
    for (const [i, amount] of amounts.entries()) {
      await chain.send(
        stakers[i]!.writeContract({
          ...market,
          functionName: 'stake',
          args: [marketId, amount, keccak256(toHex(`opinion ${i}`))],
        }),
      );
    }
    return marketId;
  }

  /** Closes, scores and requests randomness; returns the VRF request id. */
  async function closeAndRequest(marketId: bigint): Promise<bigint> {
    await chain.send(chain.admin.writeContract({ ...market, functionName: 'closeMarket', args: [marketId] }));
    await chain.send(
      chain.oracle.writeContract({ ...market, functionName: 'recordSentiment', args: [marketId, 50, 50] }),
    );
    const requested = await chain.send(
      chain.alice.writeContract({ ...market, functionName: 'requestRandomness', args: [marketId] }),
    );
    return eventsOf(requested, opinionMarketAbi, 'RandomnessRequested')[0]!.args.requestId;
  }

  it('recordSentiment reverts for a non-oracle and succeeds for the oracle', async () => {
    const marketId = await openMarket([10n]);
    const args = await expectRevert(
      chain.alice.writeContract({ ...market, functionName: 'recordSentiment', args: [marketId, 60, 70] }),
      'AccessControlUnauthorizedAccount',
    );
    expect(args).toEqual([chain.alice.account.address, roles.ORACLE_ROLE]);
    await expectRevert(
      chain.oracle.writeContract({ ...market, functionName: 'recordSentiment', args: [marketId, 101, 70] }),
      'InvalidSentiment',
    );

    const receipt = await chain.send(
      chain.oracle.writeContract({ ...market, functionName: 'recordSentiment', args: [marketId, 60, 70] }),
    );
    const [log] = eventsOf(receipt, opinionMarketAbi, 'SentimentRecorded');
    expect(log?.args).toEqual({ marketId, oracle: chain.oracle.account.address, score: 60, confidence: 70 });
    const stored = await chain.publicClient.readContract({
      ...market,
      functionName: 'getMarket',
      args: [marketId],
    });
    expect([stored.sentimentRecorded, stored.sentimentScore, stored.sentimentConfidence]).toEqual([
      true,
      60,
      70,
    ]);
  });

  it('runs create → stake ×3 → close → sentiment → randomness → fulfil → settle → claim', async () => {
    const [alice, bob, carol] = [chain.alice, chain.bob, chain.carol].map((w) => w.account.address) as [
      Address,
      Address,
      Address,
    ];
    const { timestamp } = await chain.publicClient.getBlock();
    const created = await chain.send(
      chain.admin.writeContract({
        ...market,
        functionName: 'createMarket',
        args: ['ETH > $4k', timestamp + 3600n],
      }),
    );
    const [createdLog] = eventsOf(created, opinionMarketAbi, 'MarketCreated');
    const marketId = createdLog!.args.marketId;
    expect(createdLog?.args).toEqual({
      marketId,
      creator: chain.admin.account.address,
      statement: 'ETH > $4k',
      closesAt: timestamp + 3600n,
    });

    const balanceBefore = await balanceOf(market.address);
    const amounts = [100n, 300n, 600n];
    const totals: bigint[] = [];
    for (const [i, wallet] of [chain.alice, chain.bob, chain.carol].entries()) {
      const opinionHash = keccak256(toHex(`opinion ${i}`));
      const receipt = await chain.send(
        wallet.writeContract({
          ...market,
          functionName: 'stake',
          args: [marketId, amounts[i]!, opinionHash],
        }),
      );
      const [staked] = eventsOf(receipt, opinionMarketAbi, 'Staked');
      expect(staked?.args).toMatchObject({
        marketId,
        staker: wallet.account.address,
        amount: amounts[i],
        opinionHash,
      });
      totals.push(staked!.args.totalStaked);
    }
    expect(totals).toEqual([100n, 400n, 1000n]);
    expect((await balanceOf(market.address)) - balanceBefore).toBe(1000n);

    await expectRevert(
      chain.alice.writeContract({ ...market, functionName: 'closeMarket', args: [marketId] }),
      'NotAllowedToCloseEarly',
    );
    const closed = await chain.send(
      chain.admin.writeContract({ ...market, functionName: 'closeMarket', args: [marketId] }),
    );
    expect(eventsOf(closed, opinionMarketAbi, 'MarketClosed')[0]?.args).toEqual({
      marketId,
      closedBy: chain.admin.account.address,
      totalStaked: 1000n,
    });
    await expectRevert(
      chain.alice.writeContract({
        ...market,
        functionName: 'stake',
        args: [marketId, 1n, keccak256('0x01')],
      }),
      'MarketNotOpenForStakes',
    );
    await expectRevert(
      chain.alice.writeContract({ ...market, functionName: 'requestRandomness', args: [marketId] }),
      'SentimentMissing',
    );

    await chain.send(
      chain.oracle.writeContract({ ...market, functionName: 'recordSentiment', args: [marketId, 72, 85] }),
    );

    const requested = await chain.send(
      chain.alice.writeContract({ ...market, functionName: 'requestRandomness', args: [marketId] }),
    );
    const [requestLog] = eventsOf(requested, opinionMarketAbi, 'RandomnessRequested');
    const requestId = requestLog!.args.requestId;
    const [vrfLog] = eventsOf(requested, mockVrfCoordinatorAbi, 'RandomWordsRequested');
    expect(vrfLog?.args).toMatchObject({
      requestId,
      sender: market.address,
      numWords: 1,
      callbackGasLimit: 200_000,
    });

    await expectRevert(
      chain.alice.writeContract({
        ...market,
        functionName: 'rawFulfillRandomWords',
        args: [requestId, [7n]],
      }),
      'OnlyCoordinatorCanFulfill',
    );
    await expectRevert(
      chain.alice.writeContract({ ...market, functionName: 'settleLottery', args: [marketId] }),
      'UnexpectedStatus',
    );

    const fulfilled = await chain.send(
      chain.bob.writeContract({
        ...coordinator,
        functionName: 'fulfillRandomWords',
        args: [requestId, market.address],
      }),
    );
    const expectedWord = BigInt(
      keccak256(
        encodeAbiParameters(
          [{ type: 'uint256' }, { type: 'uint256' }, { type: 'uint256' }],
          [VRF_SEED, requestId, 0n],
        ),
      ),
    );
    expect(eventsOf(fulfilled, mockVrfCoordinatorAbi, 'RandomWordsFulfilled')[0]?.args).toMatchObject({
      requestId,
      success: true,
    });
    expect(eventsOf(fulfilled, opinionMarketAbi, 'RandomnessFulfilled')[0]?.args).toEqual({
      marketId,
      requestId,
      randomWord: expectedWord,
    });

    const ticket = expectedWord % 1000n;
    const expectedWinner = ticket < 100n ? alice : ticket < 400n ? bob : carol;
    const settled = await chain.send(
      chain.carol.writeContract({ ...market, functionName: 'settleLottery', args: [marketId] }),
    );
    expect(eventsOf(settled, opinionMarketAbi, 'MarketSettled')[0]?.args).toEqual({
      marketId,
      winner: expectedWinner,
      prize: 1000n,
      randomWord: expectedWord,
    });

    const loser = [chain.alice, chain.bob, chain.carol].find((w) => w.account.address !== expectedWinner)!;
    await expectRevert(
      loser.writeContract({ ...market, functionName: 'claimPrize', args: [marketId] }),
      'NotWinner',
    );

    const winner = [chain.alice, chain.bob, chain.carol].find((w) => w.account.address === expectedWinner)!;
    const winnerBefore = await balanceOf(expectedWinner);
    const marketBefore = await balanceOf(market.address);
    const claimed = await chain.send(
      winner.writeContract({ ...market, functionName: 'claimPrize', args: [marketId] }),
    );
    expect(eventsOf(claimed, opinionMarketAbi, 'PrizeClaimed')[0]?.args).toEqual({
      marketId,
      winner: expectedWinner,
      amount: 1000n,
    });
    expect(await balanceOf(expectedWinner)).toBe(winnerBefore + 1000n);
    expect(await balanceOf(market.address)).toBe(marketBefore - 1000n);
    await expectRevert(
      winner.writeContract({ ...market, functionName: 'claimPrize', args: [marketId] }),
      'PrizeAlreadyClaimed',
    );
    const stored = await chain.publicClient.readContract({
      ...market,
      functionName: 'getMarket',
      args: [marketId],
    });
    expect(stored).toMatchObject({
      status: 5,
      winner: expectedWinner,
      prizeClaimed: true,
      randomWord: expectedWord,
    });
  });

  it.each([
    [0n, 'alice'],
    [99n, 'alice'],
    [100n, 'bob'],
    [399n, 'bob'],
    [400n, 'carol'],
    [999n, 'carol'],
  ] as const)('a word landing on ticket %s of [100, 300, 600] picks %s', async (ticket, name) => {
    const marketId = await openMarket([100n, 300n, 600n]);
    const requestId = await closeAndRequest(marketId);
    await chain.send(
      chain.admin.writeContract({
        ...coordinator,
        functionName: 'fulfillRandomWordsWithOverride',
        args: [requestId, market.address, [ticket + 1000n * 12345n]],
      }),
    );
    const settled = await chain.send(
      chain.admin.writeContract({ ...market, functionName: 'settleLottery', args: [marketId] }),
    );
    expect(eventsOf(settled, opinionMarketAbi, 'MarketSettled')[0]?.args.winner).toBe(
      chain[name].account.address,
    );
  });

  it('pause blocks market actions but still accepts the VRF callback', async () => {
    const marketId = await openMarket([5n, 5n]);
    const requestId = await closeAndRequest(marketId);
    const other = await openMarket([1n]);

    await chain.send(chain.admin.writeContract({ ...market, functionName: 'pause' }));
    await expectRevert(
      chain.alice.writeContract({ ...market, functionName: 'stake', args: [other, 1n, keccak256('0x02')] }),
      'EnforcedPause',
    );
    const fulfilled = await chain.send(
      chain.bob.writeContract({
        ...coordinator,
        functionName: 'fulfillRandomWords',
        args: [requestId, market.address],
      }),
    );
    expect(eventsOf(fulfilled, opinionMarketAbi, 'RandomnessFulfilled')).toHaveLength(1);
    await expectRevert(
      chain.alice.writeContract({ ...market, functionName: 'settleLottery', args: [marketId] }),
      'EnforcedPause',
    );

    await chain.send(chain.admin.writeContract({ ...market, functionName: 'unpause' }));
    await chain.send(
      chain.alice.writeContract({ ...market, functionName: 'settleLottery', args: [marketId] }),
    );
    await chain.send(
      chain.alice.writeContract({ ...market, functionName: 'stake', args: [other, 1n, keccak256('0x02')] }),
    );
    expect(
      await chain.publicClient.readContract({
        ...market,
        functionName: 'stakedBy',
        args: [other, chain.alice.account.address],
      }),
    ).toBe(2n);
  });
});
