import { type WalletFacts, conditionResultOf } from './evaluate-condition.util';
import type { Requirement } from './requirement.schema';
import { type ConditionNode, isConditionNode, requirementNodeOf } from './requirement-tree.util';

const ether = 10n ** 18n;
const now = new Date('2025-06-01T12:00:00Z');
const facts: WalletFacts = {
  balances: { TRUST: 40n * ether, TALLY: 2_500_000n },
  nftCount: 1,
  votes: 2,
  proposals: 0,
  firstActivityAt: new Date('2025-05-20T13:00:00Z'),
  now,
  achievedUnlockIds: new Set(['first-stake']),
  eventCounts: { Staked: 3 },
  solanaBalances: { So11111111111111111111111111111111111111112: 355_000_000n },
};

function nodeOf(condition: Requirement): ConditionNode {
  const node = requirementNodeOf(condition);
  if (!isConditionNode(node)) throw new Error('not a condition');
  return node;
}
const resultOf = (condition: Requirement, overrides: Partial<WalletFacts> = {}) =>
  conditionResultOf(nodeOf(condition), 'requirements', { ...facts, ...overrides });

describe(conditionResultOf.name, () => {
  it('measures a Solana holding in base units of its SPL mint; a mint never held counts as 0', () => {
    expect(
      resultOf({
        solanaTokenBalance: { mint: 'So11111111111111111111111111111111111111112', min: '500000000' },
      }),
    ).toEqual({
      path: 'requirements',
      kind: 'solanaTokenBalance',
      met: false,
      current: '355000000',
      target: '500000000',
      progress: 0.71,
      description:
        'Hold at least 500000000 base units of SPL mint So11111111111111111111111111111111111111112 (you hold 355000000)',
    });
    expect(
      resultOf(
        { solanaTokenBalance: { mint: 'So11111111111111111111111111111111111111112', min: '1' } },
        { solanaBalances: undefined },
      ),
    ).toMatchObject({ met: false, current: '0' });
  });

  it('measures a token balance in base units and describes it with 18 decimals by default', () => {
    expect(resultOf({ tokenBalance: { token: 'TRUST', min: String(100n * ether) } })).toEqual({
      path: 'requirements',
      kind: 'tokenBalance',
      met: false,
      current: String(40n * ether),
      target: String(100n * ether),
      progress: 0.4,
      description: 'Hold at least 100 TRUST (you hold 40)',
    });
  });

  it('formats amounts with the decimals configured for the token', () => {
    const result = conditionResultOf(
      nodeOf({ tokenBalance: { token: 'TALLY', min: '1000000' } }),
      'requirements',
      facts,
      { tokenDecimals: { TALLY: 6 } },
    );
    expect(result).toMatchObject({
      met: true,
      progress: 1,
      description: 'Hold at least 1 TALLY (you hold 2.5)',
    });
  });

  it('counts a token the wallet has no balance of as 0', () => {
    expect(resultOf({ tokenBalance: { token: 'VOUCHER', min: '1' } })).toMatchObject({
      met: false,
      current: '0',
      progress: 0,
      description: 'Hold at least 0.000000000000000001 VOUCHER (you hold 0)',
    });
  });

  it('is met at exactly the target and not one base unit short', () => {
    const min = String(40n * ether);
    expect(resultOf({ tokenBalance: { token: 'TRUST', min } }).met).toBe(true);
    expect(
      resultOf({ tokenBalance: { token: 'TRUST', min } }, { balances: { TRUST: 40n * ether - 1n } }),
    ).toMatchObject({ met: false, progress: 0.999999 });
  });

  it('describes NFTs, votes and proposals in the singular or plural', () => {
    expect(resultOf({ nftCount: { collection: 'Covenant', min: 2 } })).toMatchObject({
      met: false,
      current: '1',
      target: '2',
      progress: 0.5,
      description: 'Hold at least 2 Covenant NFTs (you hold 1)',
    });
    expect(resultOf({ votes: { min: 1 } }).description).toBe('Cast at least 1 vote (you have cast 2)');
    expect(resultOf({ proposals: { min: 1 } }).description).toBe(
      'Create at least 1 proposal (you have created 0)',
    );
  });

  it('counts whole days since the first activity', () => {
    expect(resultOf({ accountAgeDays: { min: 30 } })).toMatchObject({
      met: false,
      current: '11',
      target: '30',
      description: 'Be active for at least 30 days (first activity 11 days ago)',
    });
    expect(resultOf({ accountAgeDays: { min: 11 } }).met).toBe(true);
    expect(resultOf({ accountAgeDays: { min: 12 } }).met).toBe(false);
  });

  it('counts a wallet never seen, or first seen in the future, as 0 days old', () => {
    expect(resultOf({ accountAgeDays: { min: 1 } }, { firstActivityAt: undefined })).toMatchObject({
      current: '0',
      description: 'Be active for at least 1 day (no activity yet)',
    });
    expect(
      resultOf({ accountAgeDays: { min: 0 } }, { firstActivityAt: new Date('2025-06-02T00:00:00Z') }),
    ).toMatchObject({ met: true, current: '0' });
  });

  it('measures another unlock as 1 when achieved and 0 when not, named by its title when given', () => {
    expect(resultOf({ unlock: { id: 'first-stake' } })).toMatchObject({
      met: true,
      current: '1',
      target: '1',
      description: 'Achieve the unlock "first-stake" (achieved)',
    });
    const result = conditionResultOf(nodeOf({ unlock: { id: 'elder' } }), 'requirements', facts, {
      unlockTitles: { elder: 'Elder of the Covenant' },
    });
    expect(result).toMatchObject({
      met: false,
      current: '0',
      progress: 0,
      description: 'Achieve the unlock "Elder of the Covenant" (not achieved yet)',
    });
  });

  it('counts named events, an event never seen as 0', () => {
    expect(resultOf({ eventCount: { event: 'Staked', min: 4 } })).toMatchObject({
      met: false,
      current: '3',
      progress: 0.75,
      description: 'Have at least 4 Staked events (you have 3)',
    });
    expect(resultOf({ eventCount: { event: 'Unstaked', min: 1 } })).toMatchObject({
      current: '0',
      met: false,
    });
  });

  it('does not read an event named after an Object property from the prototype', () => {
    expect(resultOf({ eventCount: { event: 'toString', min: 1 } })).toMatchObject({
      current: '0',
      met: false,
    });
  });
});
