import { parseEther, zeroAddress } from 'viem';
import { covenantAbi, demoTokenAbi, roles } from '@convergence/contracts';
import { eventsOf, expectRevert, useDemoChain } from './demo-chain';

describe('demo tokens on a Hardhat node', () => {
  const chain = useDemoChain();

  it('deploys every contract at a distinct address with code, in increasing blocks', async () => {
    const entries = Object.entries(chain.deployment.contracts);
    expect(chain.deployment.chainId).toBe(31337);
    expect(entries).toHaveLength(7);
    expect(new Set(entries.map(([, c]) => c.address)).size).toBe(7);
    for (const [, contract] of entries) {
      const code = await chain.publicClient.getCode({ address: contract.address });
      expect(code?.length).toBeGreaterThan(100);
      expect(contract.deployBlock).toBeGreaterThan(0);
    }
    const { trust, tally, voucher, covenant, governor, vrfCoordinator, opinionMarket } =
      chain.deployment.contracts;
    const deployOrder = [trust, tally, voucher, covenant, governor, vrfCoordinator, opinionMarket];
    const blocks = deployOrder.map((c) => c.deployBlock);
    expect(blocks).toEqual([...blocks].sort((a, b) => a - b));
    expect(new Set(blocks).size).toBe(7);
    const symbols = await Promise.all(
      [trust, tally, voucher].map((t) =>
        chain.publicClient.readContract({ address: t.address, abi: demoTokenAbi, functionName: 'symbol' }),
      ),
    );
    expect(symbols).toEqual(['TRUST', 'TALLY', 'VOUCHER']);
  });

  it('mint and transfer emit Transfer with the expected args and move balances', async () => {
    const token = { address: chain.deployment.contracts.trust.address, abi: demoTokenAbi } as const;
    const alice = chain.alice.account.address;
    const bob = chain.bob.account.address;

    const minted = await chain.send(
      chain.admin.writeContract({ ...token, functionName: 'mint', args: [alice, parseEther('100')] }),
    );
    const [mintLog] = eventsOf(minted, demoTokenAbi, 'Transfer');
    expect(mintLog?.address.toLowerCase()).toBe(token.address.toLowerCase());
    expect(mintLog?.args).toEqual({ from: zeroAddress, to: alice, value: parseEther('100') });

    const moved = await chain.send(
      chain.alice.writeContract({ ...token, functionName: 'transfer', args: [bob, parseEther('40')] }),
    );
    const transfers = eventsOf(moved, demoTokenAbi, 'Transfer');
    expect(transfers.map((l) => l.args)).toEqual([{ from: alice, to: bob, value: parseEther('40') }]);

    const balanceOf = (account: `0x${string}`) =>
      chain.publicClient.readContract({ ...token, functionName: 'balanceOf', args: [account] });
    expect(await balanceOf(alice)).toBe(parseEther('60'));
    expect(await balanceOf(bob)).toBe(parseEther('40'));
  });

  it('only MINTER_ROLE can mint', async () => {
    const token = { address: chain.deployment.contracts.tally.address, abi: demoTokenAbi } as const;
    const args = await expectRevert(
      chain.alice.writeContract({ ...token, functionName: 'mint', args: [chain.alice.account.address, 1n] }),
      'AccessControlUnauthorizedAccount',
    );
    expect(args).toEqual([chain.alice.account.address, roles.MINTER_ROLE]);
  });

  it('pause blocks transfers and mints; unpause restores them; only PAUSER_ROLE may pause', async () => {
    const token = { address: chain.deployment.contracts.voucher.address, abi: demoTokenAbi } as const;
    const alice = chain.alice.account.address;
    const bob = chain.bob.account.address;
    await chain.send(chain.admin.writeContract({ ...token, functionName: 'mint', args: [alice, 10n] }));

    await expectRevert(
      chain.alice.writeContract({ ...token, functionName: 'pause' }),
      'AccessControlUnauthorizedAccount',
    );
    const paused = await chain.send(chain.admin.writeContract({ ...token, functionName: 'pause' }));
    expect(eventsOf(paused, demoTokenAbi, 'Paused')).toHaveLength(1);
    expect(await chain.publicClient.readContract({ ...token, functionName: 'paused' })).toBe(true);

    await expectRevert(
      chain.alice.writeContract({ ...token, functionName: 'transfer', args: [bob, 1n] }),
      'EnforcedPause',
    );
    await expectRevert(
      chain.admin.writeContract({ ...token, functionName: 'mint', args: [bob, 1n] }),
      'EnforcedPause',
    );

    await chain.send(chain.admin.writeContract({ ...token, functionName: 'unpause' }));
    const moved = await chain.send(
      chain.alice.writeContract({ ...token, functionName: 'transfer', args: [bob, 3n] }),
    );
    const [transfer] = eventsOf(moved, demoTokenAbi, 'Transfer');
    expect(transfer?.args).toEqual({ from: alice, to: bob, value: 3n });
    expect(await chain.publicClient.readContract({ ...token, functionName: 'balanceOf', args: [bob] })).toBe(
      3n,
    );
  });

  it('Covenant mints sequential ids from 1 and freezes transfers while paused', async () => {
    const nft = { address: chain.deployment.contracts.covenant.address, abi: covenantAbi } as const;
    const alice = chain.alice.account.address;
    const bob = chain.bob.account.address;

    const ids: bigint[] = [];
    for (const to of [alice, bob]) {
      const receipt = await chain.send(
        chain.admin.writeContract({ ...nft, functionName: 'mint', args: [to] }),
      );
      const [log] = eventsOf(receipt, covenantAbi, 'Transfer');
      expect(log?.args.from).toBe(zeroAddress);
      expect(log?.args.to).toBe(to);
      ids.push(log?.args.tokenId ?? -1n);
    }
    expect(ids).toEqual([1n, 2n]);
    expect(await chain.publicClient.readContract({ ...nft, functionName: 'ownerOf', args: [2n] })).toBe(bob);
    expect(await chain.publicClient.readContract({ ...nft, functionName: 'totalMinted' })).toBe(2n);

    await chain.send(chain.admin.writeContract({ ...nft, functionName: 'pause' }));
    await expectRevert(
      chain.alice.writeContract({ ...nft, functionName: 'transferFrom', args: [alice, bob, 1n] }),
      'EnforcedPause',
    );
    await chain.send(chain.admin.writeContract({ ...nft, functionName: 'unpause' }));
    await chain.send(
      chain.alice.writeContract({ ...nft, functionName: 'transferFrom', args: [alice, bob, 1n] }),
    );
    expect(await chain.publicClient.readContract({ ...nft, functionName: 'ownerOf', args: [1n] })).toBe(bob);
  });
});
