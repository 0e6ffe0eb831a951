// The bench's synthetic chain: a deployment with made-up addresses, transfers among many wallets,
// and 20 unlock definitions of the kinds users write.
import type { DemoDeployment } from '@convergence/contracts';
import type { TopicData, topics } from '@convergence/schemas';

type EvmLog = TopicData<typeof topics.chainEvmLog>;

const address = (n: number) =>
  `0x${'c0de'.padEnd(36, '0')}${n.toString(16).padStart(4, '0')}` as `0x${string}`;

export function benchDeployment(): DemoDeployment {
  const at = (n: number) => ({ address: address(n), deployBlock: 1 });
  return {
    chainId: 31337,
    contracts: {
      trust: at(1),
      tally: at(2),
      voucher: at(3),
      covenant: at(4),
      governor: at(5),
      opinionMarket: at(6),
      vrfCoordinator: at(7),
    },
  };
}

const wallet = (index: number, run: number) =>
  `0x${run.toString(16).padStart(2, '0')}${index.toString(16).padStart(38, '0')}`;
const ZERO = `0x${'0'.repeat(40)}`;
const LOGS_PER_BLOCK = 50;
const ETHER = 10n ** 18n;

/**
 * `count` Transfer logs: first a mint to every wallet, then transfers between random wallets
 * (seeded, so every run has the same shape), 50 per block, all confirmed but the last block.
 */
export function benchTransfers(
  deployment: DemoDeployment,
  count: number,
  wallets: number,
  run: number,
): EvmLog[] {
  let seed = 42 + run;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const tokens = [
    deployment.contracts.trust.address,
    deployment.contracts.tally.address,
    deployment.contracts.voucher.address,
  ];
  const start = Date.parse('2026-01-01T00:00:00Z');
  const lastBlock = Math.floor((count - 1) / LOGS_PER_BLOCK);
  return Array.from({ length: count }, (_, i) => {
    const block = Math.floor(i / LOGS_PER_BLOCK);
    const mint = i < wallets;
    const from = mint ? ZERO : wallet(Math.floor(random() * wallets), run);
    const to = wallet(mint ? i : Math.floor(random() * wallets), run);
    const value = mint ? 1_000n * ETHER : BigInt(Math.floor(random() * 50) + 1) * ETHER;
    const blockHash = `0x${run.toString(16).padStart(2, '0')}${block.toString(16).padStart(62, '0')}`;
    return {
      chainId: deployment.chainId,
      blockNumber: String(1_000 + block),
      blockHash,
      blockTime: new Date(start + block * 12_000).toISOString(),
      txHash: `0x${i.toString(16).padStart(64, '0')}`,
      logIndex: i % LOGS_PER_BLOCK,
      address: tokens[i % tokens.length]!,
      contract: 'DemoToken',
      eventName: 'Transfer',
      args: { from, to, value: value.toString() },
      confirmed: block < lastBlock,
    };
  });
}

const ceremony = {
  steps: [
    { kind: 'reveal', text: 'Unlocked' },
    { kind: 'interpretation', fallbackText: 'Well met.' },
  ],
};
const tokenRule = (token: string, min: bigint) => ({
  tokenBalance: { token, min: (min * ETHER).toString() },
});

/** Twenty definitions: thresholds per token, activity counts, combinations and chains of unlocks. */
export function benchUnlocks(): Array<Record<string, unknown>> {
  const unlocks: Array<{ id: string; requirements: unknown }> = [];
  for (const token of ['TRUST', 'TALLY', 'VOUCHER']) {
    for (const min of [500n, 1_050n, 1_200n])
      unlocks.push({ id: `${token.toLowerCase()}-${min}`, requirements: tokenRule(token, min) });
  }
  unlocks.push({ id: 'busy-5', requirements: { eventCount: { event: 'Transfer', min: 5 } } });
  unlocks.push({ id: 'busy-20', requirements: { eventCount: { event: 'Transfer', min: 20 } } });
  unlocks.push({ id: 'busy-40', requirements: { eventCount: { event: 'Transfer', min: 40 } } });
  unlocks.push({
    id: 'all-rounder',
    requirements: {
      all: [tokenRule('TRUST', 1_000n), tokenRule('TALLY', 1_000n), tokenRule('VOUCHER', 1_000n)],
    },
  });
  unlocks.push({
    id: 'any-whale',
    requirements: { any: [tokenRule('TRUST', 1_300n), tokenRule('TALLY', 1_300n)] },
  });
  unlocks.push({ id: 'veteran', requirements: { accountAgeDays: { min: 30 } } });
  unlocks.push({
    id: 'quiet-holder',
    requirements: {
      all: [tokenRule('TRUST', 900n), { not: { eventCount: { event: 'Transfer', min: 30 } } }],
    },
  });
  unlocks.push({
    id: 'collector',
    requirements: { all: [tokenRule('VOUCHER', 500n), { eventCount: { event: 'Transfer', min: 10 } }] },
  });
  unlocks.push({ id: 'member', requirements: { nftCount: { collection: 'Covenant', min: 1 } } });
  unlocks.push({
    id: 'rising',
    requirements: { all: [{ unlock: { id: 'busy-5' } }, { unlock: { id: 'trust-500' } }] },
  });
  unlocks.push({
    id: 'ascended',
    requirements: { all: [{ unlock: { id: 'rising' } }, { unlock: { id: 'busy-20' } }] },
  });
  return unlocks.map(({ id, requirements }) => ({
    id,
    title: id,
    description: `bench ${id}`,
    requirements,
    ceremony,
  }));
}
