import type { Requirement } from '../requirements/requirement.schema';
import { ruleIndexOf, rulesAffectedBy } from './rule-index.util';
import type { UnlockRule } from './unlock-rule.model';

const rule = (id: string, requirements: Requirement): UnlockRule => ({
  id,
  version: 1,
  title: id,
  description: '',
  requirements,
  ceremony: { steps: [{ kind: 'reveal' }] },
  active: true,
});

const trust = rule('trust-500', { tokenBalance: { token: 'TRUST', min: '500' } });
const busy = rule('busy-5', { eventCount: { event: 'Transfer', min: 5 } });
const quiet = rule('quiet', {
  all: [
    { tokenBalance: { token: 'TRUST', min: '9' } },
    { not: { eventCount: { event: 'Transfer', min: 30 } } },
  ],
});
const rising = rule('rising', { all: [{ unlock: { id: 'busy-5' } }, { accountAgeDays: { min: 3 } }] });

describe('rule index', () => {
  const index = ruleIndexOf([trust, busy, quiet, rising]);

  it('lists each unlock under every fact its tree depends on, `not` included', () => {
    expect(index.byFact.get('balance:TRUST')).toEqual([trust, quiet]);
    expect(index.byFact.get('event:Transfer')).toEqual([busy, quiet]);
    expect(index.byFact.get('unlock:busy-5')).toEqual([rising]);
    expect(index.byFact.get('time')).toEqual([rising]);
    expect(index.byFact.has('balance:TALLY')).toBe(false);
  });

  it('finds the unlocks a set of changed facts can affect, and none for unrelated facts', () => {
    expect(rulesAffectedBy(index, ['balance:TRUST', 'time'])).toEqual(
      new Set(['trust-500', 'quiet', 'rising']),
    );
    expect(rulesAffectedBy(index, ['balance:TALLY', 'vote'])).toEqual(new Set());
  });
});
