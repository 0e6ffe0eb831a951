import { z } from 'zod';
import { type RequirementContext, requirementSchema, requirementSchemaFor } from './requirement.schema';

const issuesOf = (result: z.SafeParseReturnType<unknown, unknown>) =>
  result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];

const context: RequirementContext = {
  tokens: ['TRUST', 'TALLY', 'VOUCHER'],
  knownUnlockIds: ['first-stake', 'voter', 'elder'],
  selfId: 'elder',
  solanaMints: ['So11111111111111111111111111111111111111112'],
};

const tree = {
  all: [
    { tokenBalance: { token: 'TRUST', min: '100000000000000000000' } },
    { any: [{ nftCount: { collection: 'Covenant', min: 1 } }, { votes: { min: 5 } }] },
    { not: { proposals: { min: 10 } } },
    { accountAgeDays: { min: 30 } },
    { unlock: { id: 'first-stake' } },
    { eventCount: { event: 'Staked', min: 3 } },
    { solanaTokenBalance: { mint: 'So11111111111111111111111111111111111111112', min: '1000000' } },
  ],
};

describe(requirementSchemaFor.name, () => {
  it('accepts a tree using every kind and returns it unchanged', () => {
    expect(requirementSchemaFor(context).parse(tree)).toEqual(tree);
  });

  it('reports every bad node in one pass, each at its own path', () => {
    const bad = {
      all: [
        { votes: { min: -1 } },
        { any: [] },
        { tokenBalanc: { token: 'TRUST', min: '1' } },
        { not: { unlock: { id: 'nobody' } } },
        { tokenBalance: { token: 'GOLD', min: '1.5' } },
      ],
    };
    expect(issuesOf(requirementSchemaFor(context).safeParse(bad))).toEqual([
      'all.0.votes.min: must be a non-negative integer',
      'all.1.any: must not be empty',
      `all.2.tokenBalanc: unknown condition kind 'tokenBalanc'; expected one of all, any, not, tokenBalance, nftCount, votes, proposals, accountAgeDays, unlock, eventCount, solanaTokenBalance`,
      "all.3.not.unlock.id: unknown unlock 'nobody'",
      "all.4.tokenBalance.token: unknown token 'GOLD'; configured: TRUST, TALLY, VOUCHER",
      'all.4.tokenBalance.min: must be a non-negative integer string',
    ]);
  });

  it('rejects a solanaTokenBalance naming a mint not configured, or with a bad amount, at its path', () => {
    const bad = {
      any: [
        { solanaTokenBalance: { mint: 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v', min: '1' } },
        { solanaTokenBalance: { mint: 'So11111111111111111111111111111111111111112', min: -1, extra: true } },
      ],
    };
    expect(issuesOf(requirementSchemaFor(context).safeParse(bad))).toEqual([
      "any.0.solanaTokenBalance.mint: unknown SPL mint 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v'; configured: So11111111111111111111111111111111111111112",
      'any.1.solanaTokenBalance.min: must be a non-negative integer string',
      "any.1.solanaTokenBalance: unknown field 'extra'",
    ]);
    expect(
      issuesOf(
        requirementSchemaFor({ ...context, solanaMints: [] }).safeParse({
          solanaTokenBalance: { mint: 'So11111111111111111111111111111111111111112', min: '1' },
        }),
      ),
    ).toEqual([
      "solanaTokenBalance.mint: unknown SPL mint 'So11111111111111111111111111111111111111112'; none configured (UNLOCK_SOLANA_MINTS)",
    ]);
  });

  it('rejects a node with no key, two keys, or that is not an object', () => {
    const messages = issuesOf(
      requirementSchemaFor(context).safeParse({
        any: [{}, { votes: { min: 1 }, proposals: { min: 1 } }, 'votes', [], null],
      }),
    );
    expect(messages).toEqual([
      expect.stringMatching(/^any\.0: must have one of the keys all, any, not, tokenBalance/),
      'any.1: must have exactly one key, found votes, proposals; combine them with all',
      expect.stringMatching(/^any\.2: must be an object with one of the keys/),
      expect.stringMatching(/^any\.3: must be an object with one of the keys/),
      expect.stringMatching(/^any\.4: must be an object with one of the keys/),
    ]);
  });

  it('still checks the children of a node that has two keys', () => {
    expect(issuesOf(requirementSchemaFor(context).safeParse({ all: [], votes: { min: 'x' } }))).toEqual([
      ': must have exactly one key, found all, votes; combine them with all',
      'all: must not be empty',
      'votes.min: must be a non-negative integer',
    ]);
  });

  it('rejects all and any given something other than an array', () => {
    expect(issuesOf(requirementSchemaFor(context).safeParse({ all: { votes: { min: 1 } } }))).toEqual([
      'all: must be an array of requirements',
    ]);
  });

  it('rejects an unlock requiring itself', () => {
    expect(issuesOf(requirementSchemaFor(context).safeParse({ any: [{ unlock: { id: 'elder' } }] }))).toEqual(
      ['any.0.unlock.id: an unlock cannot require itself'],
    );
  });

  it('rejects an unlock condition that closes a cycle through the other definitions', () => {
    const definitions = [
      { id: 'first-stake', requirements: { unlock: { id: 'voter' } } },
      { id: 'voter', requirements: { all: [{ votes: { min: 1 } }, { unlock: { id: 'elder' } }] } },
    ];
    expect(
      issuesOf(
        requirementSchemaFor({ ...context, definitions }).safeParse({ unlock: { id: 'first-stake' } }),
      ),
    ).toEqual(['unlock.id: closes a cycle: elder -> first-stake -> voter -> elder']);
  });

  it('ignores the stored version of the unlock being replaced when looking for cycles', () => {
    const definitions = [
      { id: 'elder', requirements: { unlock: { id: 'voter' } } },
      { id: 'voter', requirements: { unlock: { id: 'first-stake' } } },
    ];
    expect(
      requirementSchemaFor({ ...context, definitions }).safeParse({ unlock: { id: 'voter' } }).success,
    ).toBe(true);
  });

  it('rejects a tree nested deeper than 32 levels instead of overflowing the stack', () => {
    let deep: unknown = { votes: { min: 1 } };
    for (let level = 0; level < 10_000; level++) deep = { not: deep };
    const messages = issuesOf(requirementSchemaFor(context).safeParse(deep));
    expect(messages).toEqual([`${Array(33).fill('not').join('.')}: must not nest more than 32 levels deep`]);
    let ok: unknown = { votes: { min: 1 } };
    for (let level = 0; level < 32; level++) ok = { all: [ok] };
    expect(requirementSchemaFor(context).safeParse(ok).success).toBe(true);
  });

  it('prefixes its paths with where it is embedded', () => {
    const body = z.object({ requirements: requirementSchemaFor(context) });
    expect(issuesOf(body.safeParse({ requirements: { votes: {} } }))).toEqual([
      'requirements.votes.min: is required',
    ]);
  });
});

describe('requirementSchema', () => {
  it('checks the shape without knowing the tokens or unlocks of a deployment', () => {
    expect(
      requirementSchema.safeParse({
        all: [{ tokenBalance: { token: 'GOLD', min: '1' } }, { unlock: { id: 'x' } }],
      }).success,
    ).toBe(true);
    expect(issuesOf(requirementSchema.safeParse({ not: { votes: { min: 1.5 } } }))).toEqual([
      'not.votes.min: must be a non-negative integer',
    ]);
  });
});
