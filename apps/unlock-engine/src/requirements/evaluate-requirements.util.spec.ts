import type { WalletFacts } from './evaluate-condition.util';
import { evaluateRequirements } from './evaluate-requirements.util';
import type { Requirement } from './requirement.schema';

const ether = 10n ** 18n;
const facts: WalletFacts = {
  balances: { TRUST: 40n * ether },
  nftCount: 1,
  votes: 2,
  proposals: 0,
  now: new Date('2025-06-01T00:00:00Z'),
  achievedUnlockIds: new Set(['first-stake']),
  eventCounts: { Staked: 3 },
};

const trust = (amount: bigint): Requirement => ({
  tokenBalance: { token: 'TRUST', min: String(amount * ether) },
});
const summaryOf = (tree: Requirement, wallet: WalletFacts = facts) =>
  evaluateRequirements(tree, wallet).conditions.map(({ path, kind, met, current, target, progress }) => ({
    path,
    kind,
    met,
    current,
    target,
    progress,
  }));

describe(evaluateRequirements.name, () => {
  it('tells a wallet what it lacks, with its balance formatted', () => {
    expect(evaluateRequirements(trust(100n), facts)).toEqual({
      met: false,
      conditions: [
        {
          path: 'requirements',
          kind: 'tokenBalance',
          met: false,
          current: String(40n * ether),
          target: String(100n * ether),
          progress: 0.4,
          description: 'Hold at least 100 TRUST (you hold 40)',
        },
      ],
    });
  });

  it('lists every node depth first, each with its path', () => {
    const tree: Requirement = {
      all: [{ votes: { min: 1 } }, { any: [trust(10n), { not: { proposals: { min: 1 } } }] }],
    };
    expect(evaluateRequirements(tree, facts).conditions.map(({ path, kind }) => `${path} ${kind}`)).toEqual([
      'requirements all',
      'requirements.all[0] votes',
      'requirements.all[1] any',
      'requirements.all[1].any[0] tokenBalance',
      'requirements.all[1].any[1] not',
      'requirements.all[1].any[1].not proposals',
    ]);
  });

  it('meets all when every child is met, counting met children against all of them', () => {
    const tree: Requirement = { all: [{ votes: { min: 2 } }, { unlock: { id: 'first-stake' } }] };
    expect(evaluateRequirements(tree, facts)).toMatchObject({
      met: true,
      conditions: [{ kind: 'all', met: true, current: '2', target: '2', progress: 1 }, {}, {}],
    });
  });

  it('gives all the mean of its children’s progress while one is not met', () => {
    const tree: Requirement = { all: [{ votes: { min: 2 } }, trust(100n), { proposals: { min: 1 } }] };
    const [all] = evaluateRequirements(tree, facts).conditions;
    expect(all).toEqual({
      path: 'requirements',
      kind: 'all',
      met: false,
      current: '1',
      target: '3',
      progress: 0.466666,
      description: 'Meet all 3 conditions below (1 met)',
    });
  });

  it('keeps an unmet all below 1 even when its mean would round up', () => {
    const tree: Requirement = { all: [{ votes: { min: 1 } }, trust(40n)] };
    const wallet = { ...facts, balances: { TRUST: 40n * ether - 1n } };
    expect(summaryOf(tree, wallet)[0]).toMatchObject({ met: false, progress: 0.999999 });
  });

  it('gives any the progress of its nearest child and meets it with one child met', () => {
    const unmet: Requirement = { any: [trust(100n), { votes: { min: 4 } }, { proposals: { min: 1 } }] };
    expect(evaluateRequirements(unmet, facts).conditions[0]).toEqual({
      path: 'requirements',
      kind: 'any',
      met: false,
      current: '0',
      target: '1',
      progress: 0.5,
      description: 'Meet at least 1 of the 3 conditions below (0 met)',
    });
    const met: Requirement = { any: [trust(100n), { eventCount: { event: 'Staked', min: 3 } }] };
    expect(summaryOf(met)[0]).toMatchObject({ met: true, current: '1', target: '1', progress: 1 });
  });

  it('meets not when its child is not met, with progress 1 or 0 and nothing in between', () => {
    expect(evaluateRequirements({ not: trust(100n) }, facts).conditions[0]).toEqual({
      path: 'requirements',
      kind: 'not',
      met: true,
      current: '1',
      target: '1',
      progress: 1,
      description: 'Must not: hold at least 100 TRUST (you hold 40)',
    });
    expect(summaryOf({ not: trust(10n) })).toEqual([
      { path: 'requirements', kind: 'not', met: false, current: '0', target: '1', progress: 0 },
      {
        path: 'requirements.not',
        kind: 'tokenBalance',
        met: true,
        current: String(40n * ether),
        target: String(10n * ether),
        progress: 1,
      },
    ]);
  });

  it('agrees with plain boolean logic on random trees, with met exactly when current reaches target and progress is 1', () => {
    const random = seededRandom(20250601);
    const violations: string[] = [];
    for (let run = 0; run < 500; run++) {
      const tree = randomTree(random, 3);
      const wallet = randomFacts(random);
      const evaluation = evaluateRequirements(tree, wallet);
      const at = `run ${run} ${JSON.stringify(tree)}`;
      if (evaluation.met !== naiveMet(tree, wallet)) violations.push(`${at}: met ${evaluation.met}`);
      for (const node of evaluation.conditions) {
        const reached = BigInt(node.current) >= BigInt(node.target);
        const inRange = node.progress >= 0 && node.progress <= 1;
        if (node.met !== reached || (node.progress === 1) !== node.met || !inRange) {
          violations.push(`${at}: ${JSON.stringify(node)}`);
        }
      }
      if (new Set(evaluation.conditions.map(({ path }) => path)).size !== evaluation.conditions.length) {
        violations.push(`${at}: repeated paths`);
      }
    }
    expect(violations).toEqual([]);
  });
});

// The semantics written the obvious way, to check the evaluator against.
function naiveMet(tree: Requirement, wallet: WalletFacts): boolean {
  if ('all' in tree) return tree.all.every((child) => naiveMet(child, wallet));
  if ('any' in tree) return tree.any.some((child) => naiveMet(child, wallet));
  if ('not' in tree) return !naiveMet(tree.not, wallet);
  if ('tokenBalance' in tree) return (wallet.balances.TRUST ?? 0n) >= BigInt(tree.tokenBalance.min);
  if ('votes' in tree) return wallet.votes >= tree.votes.min;
  if ('unlock' in tree) return wallet.achievedUnlockIds.has(tree.unlock.id);
  if ('eventCount' in tree) return (wallet.eventCounts.Staked ?? 0) >= tree.eventCount.min;
  throw new Error(`not generated: ${JSON.stringify(tree)}`);
}

function randomTree(random: () => number, depth: number): Requirement {
  const pick = Math.floor(random() * (depth > 0 ? 7 : 4));
  const children = () =>
    Array.from({ length: 1 + Math.floor(random() * 3) }, () => randomTree(random, depth - 1));
  switch (pick) {
    case 0:
      return { tokenBalance: { token: 'TRUST', min: String(BigInt(Math.floor(random() * 5)) * ether) } };
    case 1:
      return { votes: { min: Math.floor(random() * 5) } };
    case 2:
      return { unlock: { id: random() < 0.5 ? 'a' : 'b' } };
    case 3:
      return { eventCount: { event: 'Staked', min: Math.floor(random() * 5) } };
    case 4:
      return { all: children() };
    case 5:
      return { any: children() };
    default:
      return { not: randomTree(random, depth - 1) };
  }
}

function randomFacts(random: () => number): WalletFacts {
  return {
    ...facts,
    balances: { TRUST: BigInt(Math.floor(random() * 5 * 1000)) * (ether / 1000n) },
    votes: Math.floor(random() * 5),
    achievedUnlockIds: new Set(random() < 0.5 ? ['a'] : []),
    eventCounts: { Staked: Math.floor(random() * 5) },
  };
}

// mulberry32: a small seeded generator, so a failure reproduces.
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
