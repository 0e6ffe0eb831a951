import { InvalidRequirementsError } from './invalid-requirements.error';
import type { RequirementContext } from './requirement.schema';
import { validateRequirements } from './validate-requirements.util';

const context: RequirementContext = {
  tokens: ['TRUST', 'TALLY', 'VOUCHER'],
  knownUnlockIds: new Set(['first-stake']),
  selfId: 'elder',
};

function issuesOf(input: unknown, withContext: RequirementContext = context) {
  const result = validateRequirements(input, withContext);
  return result.ok ? [] : result.error.issues;
}

describe(validateRequirements.name, () => {
  it('returns the typed tree when it is valid', () => {
    const input = {
      all: [{ tokenBalance: { token: 'TALLY', min: '0' } }, { unlock: { id: 'first-stake' } }],
    };
    expect(validateRequirements(input, context)).toEqual({ ok: true, requirements: input });
  });

  it('names the bad node by its JSON path from requirements', () => {
    const input = {
      all: [{ votes: { min: 1 } }, { votes: { min: 2 } }, { tokenBalance: { token: 'TRUST', min: '-5' } }],
    };
    const result = validateRequirements(input, context);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(InvalidRequirementsError);
    expect(result.error.message).toBe(
      'invalid requirements: requirements.all[2].tokenBalance.min: must be a non-negative integer string',
    );
  });

  it('lists every bad node, not only the first', () => {
    expect(
      issuesOf({ any: [{ not: { any: [] } }, { unlock: { id: 'elder' } }, { eventCount: { event: '' } }] }),
    ).toEqual([
      { path: 'requirements.any[0].not.any', message: 'must not be empty' },
      { path: 'requirements.any[1].unlock.id', message: 'an unlock cannot require itself' },
      { path: 'requirements.any[2].eventCount.event', message: 'must not be empty' },
      { path: 'requirements.any[2].eventCount.min', message: 'is required' },
    ]);
  });

  it('quotes a key that is not an identifier', () => {
    expect(issuesOf({ 'token balance': {} })).toEqual([
      {
        path: 'requirements["token balance"]',
        message: expect.stringContaining("unknown condition kind 'token balance'"),
      },
    ]);
  });

  it('treats a __proto__ key from JSON as an unknown kind, not as the prototype', () => {
    expect(issuesOf(JSON.parse('{"__proto__": {"votes": {"min": 1}}}'))).toEqual([
      {
        path: 'requirements.__proto__',
        message: expect.stringContaining("unknown condition kind '__proto__'"),
      },
    ]);
  });

  it('reports a root that is not an object at requirements', () => {
    expect(issuesOf('votes >= 3')).toEqual([
      { path: 'requirements', message: expect.stringContaining('must be an object') },
    ]);
  });

  it('names the whole cycle an unlock condition would close', () => {
    const definitions = [{ id: 'first-stake', requirements: { unlock: { id: 'elder' } } }];
    expect(issuesOf({ unlock: { id: 'first-stake' } }, { ...context, definitions })).toEqual([
      { path: 'requirements.unlock.id', message: 'closes a cycle: elder -> first-stake -> elder' },
    ]);
  });
});
