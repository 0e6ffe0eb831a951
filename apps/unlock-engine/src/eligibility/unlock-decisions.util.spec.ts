import type { WalletFacts } from '../requirements/evaluate-condition.util';
import type { Requirement } from '../requirements/requirement.schema';
import type { UnlockRule } from '../unlocks/unlock-rule.model';
import { newAchievementsOf, revokedAchievementsOf } from './unlock-decisions.util';
import type { LiveAchievement, WalletState } from './wallet-state.model';

const now = new Date('2026-03-01T00:00:00Z');
const rule = (id: string, requirements: Requirement, active = true): UnlockRule => ({
  id,
  version: 1,
  title: id,
  description: '',
  requirements,
  ceremony: { steps: [{ kind: 'reveal' }] },
  active,
});
const facts = (over: Partial<WalletFacts> = {}): WalletFacts => ({
  balances: {},
  nftCount: 0,
  votes: 0,
  proposals: 0,
  now,
  achievedUnlockIds: new Set(),
  eventCounts: {},
  ...over,
});
const achievement = (unlockId: string, provisional: boolean): LiveAchievement => ({
  id: `id-${unlockId}`,
  unlockId,
  unlockVersion: 1,
  achievedAt: now,
  provisional,
});
const state = (
  total: Partial<WalletFacts>,
  confirmed: Partial<WalletFacts>,
  live: LiveAchievement[] = [],
): WalletState => ({
  wallet: '0xa',
  facts: facts({ ...total, achievedUnlockIds: new Set(live.map((a) => a.unlockId)) }),
  confirmedFacts: facts({
    ...confirmed,
    achievedUnlockIds: new Set(live.filter((a) => !a.provisional).map((a) => a.unlockId)),
  }),
  achievements: new Map(live.map((a) => [a.unlockId, a])),
  nftIds: [],
});

const trust = rule('trust', { tokenBalance: { token: 'TRUST', min: '100' } });
const voter = rule('voter', { votes: { min: 1 } });
const both = rule('both', { all: [{ unlock: { id: 'trust' } }, { unlock: { id: 'voter' } }] });
const rules = [trust, voter, both];

describe(newAchievementsOf.name, () => {
  it('evaluates only the unlocks the changes can affect', () => {
    const wallet = state({ balances: { TRUST: 100n }, votes: 1 }, { balances: { TRUST: 100n }, votes: 1 });
    const met = newAchievementsOf(rules, wallet, { changes: [{ kind: 'balance', token: 'TRUST' }] });
    expect(met.map((m) => m.rule.id)).toEqual(['trust']);
  });

  it('follows unlocks that require an unlock just met, until nothing more is met', () => {
    const wallet = state({ balances: { TRUST: 100n }, votes: 1 }, { balances: { TRUST: 100n }, votes: 1 });
    const met = newAchievementsOf(rules, wallet, {
      changes: [{ kind: 'balance', token: 'TRUST' }, { kind: 'vote' }],
    });
    expect(met.map((m) => [m.rule.id, m.provisional])).toEqual([
      ['trust', false],
      ['voter', false],
      ['both', false],
    ]);
  });

  it('marks provisional what only unconfirmed blocks make met', () => {
    const wallet = state({ balances: { TRUST: 120n } }, { balances: { TRUST: 60n } });
    expect(newAchievementsOf(rules, wallet, { changes: [{ kind: 'balance', token: 'TRUST' }] })).toEqual([
      { rule: trust, provisional: true },
    ]);
  });

  it('skips what is achieved already and inactive unlocks', () => {
    const wallet = state({ balances: { TRUST: 120n }, votes: 3 }, {}, [achievement('trust', false)]);
    const inactiveVoter = rule('voter', { votes: { min: 1 } }, false);
    expect(
      newAchievementsOf([trust, inactiveVoter], wallet, { unlockIds: new Set(['trust', 'voter']) }),
    ).toEqual([]);
  });
});

describe(revokedAchievementsOf.name, () => {
  it('revokes provisional achievements no longer met, and those resting on them, never confirmed ones', () => {
    const rulesById = new Map(rules.map((r) => [r.id, r]));
    const wallet = state({ balances: { TRUST: 60n }, votes: 1 }, { votes: 1 }, [
      achievement('trust', true),
      achievement('voter', false),
      achievement('both', true),
    ]);
    expect(revokedAchievementsOf(rulesById, wallet).sort()).toEqual(['both', 'trust']);
  });
});
