import { type FactChange, conditionKindsOf, isAffectedBy } from './affected-conditions.util';
import type { Requirement } from './requirement.schema';

const tree: Requirement = {
  all: [
    { tokenBalance: { token: 'TRUST', min: '1' } },
    { any: [{ nftCount: { collection: 'Covenant', min: 1 } }, { votes: { min: 3 } }] },
    { not: { unlock: { id: 'banned' } } },
    { eventCount: { event: 'Staked', min: 2 } },
    { solanaTokenBalance: { mint: 'So11111111111111111111111111111111111111112', min: '1' } },
  ],
};

describe(conditionKindsOf.name, () => {
  it('lists the condition kinds a tree uses, each once, without combinators', () => {
    expect(conditionKindsOf(tree)).toEqual(
      new Set(['tokenBalance', 'nftCount', 'votes', 'unlock', 'eventCount', 'solanaTokenBalance']),
    );
    expect(conditionKindsOf({ any: [{ votes: { min: 1 } }, { not: { votes: { min: 9 } } }] })).toEqual(
      new Set(['votes']),
    );
  });
});

describe(isAffectedBy.name, () => {
  it.each<[FactChange, boolean]>([
    [{ kind: 'balance', token: 'TRUST' }, true],
    [{ kind: 'balance', token: 'TALLY' }, false],
    [{ kind: 'solanaBalance', mint: 'So11111111111111111111111111111111111111112' }, true],
    [{ kind: 'solanaBalance', mint: 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v' }, false],
    [{ kind: 'nft' }, true],
    [{ kind: 'vote' }, true],
    [{ kind: 'proposal' }, false],
    [{ kind: 'event', event: 'Staked' }, true],
    [{ kind: 'event', event: 'Unstaked' }, false],
    [{ kind: 'unlock', id: 'banned' }, true],
    [{ kind: 'unlock', id: 'first-stake' }, false],
    [{ kind: 'time' }, false],
  ])('re-evaluates on %o: %p', (change, affected) => {
    expect(isAffectedBy(tree, change)).toBe(affected);
  });

  it('re-evaluates proposals and account age only where a condition asks for them', () => {
    const ageAndProposals: Requirement = {
      any: [{ accountAgeDays: { min: 30 } }, { proposals: { min: 1 } }],
    };
    expect(isAffectedBy(ageAndProposals, { kind: 'time' })).toBe(true);
    expect(isAffectedBy(ageAndProposals, { kind: 'proposal' })).toBe(true);
    expect(isAffectedBy(ageAndProposals, { kind: 'vote' })).toBe(false);
  });
});
