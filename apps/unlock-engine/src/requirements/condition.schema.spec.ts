import { conditionSchemas, conditionSchemasFor, isConditionKind } from './condition.schema';

const messagesOf = (result: {
  success: boolean;
  error?: { issues: Array<{ path: unknown[]; message: string }> };
}) => result.error?.issues.map((issue) => [issue.path.join('.'), issue.message]) ?? [];

describe('conditionSchemas', () => {
  it.each([
    [
      'tokenBalance',
      {
        token: 'TRUST',
        min: '115792089237316195423570985008687907853269984665640564039457584007913129639935',
      },
    ],
    ['nftCount', { collection: 'Covenant', min: 2 }],
    ['votes', { min: 0 }],
    ['proposals', { min: 1 }],
    ['accountAgeDays', { min: 30 }],
    ['unlock', { id: 'first-stake' }],
    ['eventCount', { event: 'Staked', min: 3 }],
  ] as const)('accepts a valid %s payload unchanged', (kind, payload) => {
    expect(conditionSchemas[kind].parse(payload)).toEqual(payload);
  });

  it.each(['-1', '1.5', '01', '1e18', '', ' 1', '1'.repeat(79)])('rejects the token amount %p', (min) => {
    expect(messagesOf(conditionSchemas.tokenBalance.safeParse({ token: 'TRUST', min }))).toEqual([
      ['min', 'must be a non-negative integer string'],
    ]);
  });

  it('rejects a token amount given as a number, which would lose precision', () => {
    expect(messagesOf(conditionSchemas.tokenBalance.safeParse({ token: 'TRUST', min: 100 }))).toEqual([
      ['min', 'must be a non-negative integer string'],
    ]);
  });

  it.each([-1, 1.5, '3', Number.MAX_SAFE_INTEGER + 1])('rejects the count %p', (min) => {
    expect(conditionSchemas.votes.safeParse({ min }).success).toBe(false);
  });

  it('names a missing field, an unknown field and a non-object payload', () => {
    expect(messagesOf(conditionSchemas.eventCount.safeParse({ min: 1, amount: 2 }))).toEqual([
      ['event', 'is required'],
      ['', "unknown field 'amount'"],
    ]);
    expect(messagesOf(conditionSchemas.votes.safeParse(3))).toEqual([['', 'must be an object']]);
  });

  it('accepts only the Covenant collection', () => {
    expect(messagesOf(conditionSchemas.nftCount.safeParse({ collection: 'Punks', min: 1 }))).toEqual([
      ['collection', 'must be one of: Covenant'],
    ]);
  });
});

describe(conditionSchemasFor.name, () => {
  const schemas = conditionSchemasFor({
    tokenIssueOf: (token) => (token === 'TRUST' ? undefined : `unknown token '${token}'`),
    unlockIdIssueOf: (id) => (id === 'known' ? undefined : `unknown unlock '${id}'`),
  });

  it('adds the deployment checks to the token and unlock id', () => {
    expect(messagesOf(schemas.tokenBalance.safeParse({ token: 'GOLD', min: '1' }))).toEqual([
      ['token', "unknown token 'GOLD'"],
    ]);
    expect(messagesOf(schemas.unlock.safeParse({ id: 'other' }))).toEqual([['id', "unknown unlock 'other'"]]);
    expect(schemas.unlock.safeParse({ id: 'known' }).success).toBe(true);
  });

  it('reports an empty name once, not also as unknown', () => {
    expect(messagesOf(schemas.unlock.safeParse({ id: '' }))).toEqual([['id', 'must not be empty']]);
  });
});

describe(isConditionKind.name, () => {
  it('knows the condition kinds and nothing inherited from Object', () => {
    expect(isConditionKind('tokenBalance')).toBe(true);
    expect(isConditionKind('all')).toBe(false);
    expect(isConditionKind('toString')).toBe(false);
  });
});
