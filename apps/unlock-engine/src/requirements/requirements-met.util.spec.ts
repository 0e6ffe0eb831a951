import { isAffectedBy, type FactChange } from './affected-conditions.util';
import type { WalletFacts } from './evaluate-condition.util';
import { evaluateRequirements } from './evaluate-requirements.util';
import { factDependenciesOf, factKeyOf } from './fact-dependencies.util';
import type { Requirement } from './requirement.schema';
import { requirementsMet } from './requirements-met.util';

const now = new Date('2026-03-01T00:00:00Z');
const MINT = 'So11111111111111111111111111111111111111112';
const OTHER_MINT = 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v';
const facts: WalletFacts = {
  balances: { TRUST: 40n, TALLY: 10n ** 21n },
  nftCount: 1,
  votes: 2,
  proposals: 0,
  firstActivityAt: new Date('2026-01-01T00:00:00Z'),
  now,
  achievedUnlockIds: new Set(['genesis']),
  eventCounts: { Staked: 3 },
  solanaBalances: { [MINT]: 250n },
};

const trees: Requirement[] = [
  { tokenBalance: { token: 'TRUST', min: '40' } },
  { tokenBalance: { token: 'TRUST', min: '41' } },
  { tokenBalance: { token: 'VOUCHER', min: '0' } },
  { nftCount: { collection: 'Covenant', min: 2 } },
  { votes: { min: 2 } },
  { proposals: { min: 1 } },
  { accountAgeDays: { min: 59 } },
  { accountAgeDays: { min: 60 } },
  { unlock: { id: 'genesis' } },
  { unlock: { id: 'other' } },
  { eventCount: { event: 'Staked', min: 3 } },
  { eventCount: { event: 'toString', min: 1 } },
  { solanaTokenBalance: { mint: MINT, min: '250' } },
  { solanaTokenBalance: { mint: MINT, min: '251' } },
  { solanaTokenBalance: { mint: OTHER_MINT, min: '1' } },
  { all: [{ votes: { min: 1 } }, { not: { proposals: { min: 1 } } }] },
  {
    any: [
      { proposals: { min: 1 } },
      { all: [{ nftCount: { collection: 'Covenant', min: 1 } }, { unlock: { id: 'x' } }] },
    ],
  },
  { not: { any: [{ votes: { min: 9 } }, { eventCount: { event: 'Staked', min: 4 } }] } },
];

describe(requirementsMet.name, () => {
  it.each(trees.map((tree) => [JSON.stringify(tree), tree] as const))(
    'answers as evaluateRequirements does for %s',
    (_, tree) => {
      expect(requirementsMet(tree, facts)).toBe(evaluateRequirements(tree, facts).met);
    },
  );

  it('treats a wallet never seen as zero of everything', () => {
    const empty = {
      ...facts,
      balances: {},
      nftCount: 0,
      votes: 0,
      firstActivityAt: undefined,
      eventCounts: {},
      solanaBalances: undefined,
    };
    expect(requirementsMet({ solanaTokenBalance: { mint: MINT, min: '0' } }, empty)).toBe(true);
    expect(requirementsMet({ solanaTokenBalance: { mint: MINT, min: '1' } }, empty)).toBe(false);
    expect(requirementsMet({ accountAgeDays: { min: 0 } }, empty)).toBe(true);
    expect(requirementsMet({ accountAgeDays: { min: 1 } }, empty)).toBe(false);
  });
});

describe(factDependenciesOf.name, () => {
  const changes: FactChange[] = [
    { kind: 'balance', token: 'TRUST' },
    { kind: 'balance', token: 'TALLY' },
    { kind: 'solanaBalance', mint: MINT },
    { kind: 'solanaBalance', mint: OTHER_MINT },
    { kind: 'nft' },
    { kind: 'vote' },
    { kind: 'proposal' },
    { kind: 'event', event: 'Staked' },
    { kind: 'event', event: 'Transfer' },
    { kind: 'unlock', id: 'genesis' },
    { kind: 'time' },
  ];

  it.each(trees.map((tree) => [JSON.stringify(tree), tree] as const))(
    'agrees with isAffectedBy for every change on %s',
    (_, tree) => {
      for (const change of changes) {
        expect(factDependenciesOf(tree).has(factKeyOf(change))).toBe(isAffectedBy(tree, change));
      }
    },
  );
});
