import {
  childrenOf,
  conditionsOf,
  isConditionNode,
  jsonPathOf,
  requirementNodeOf,
} from './requirement-tree.util';

describe(requirementNodeOf.name, () => {
  it('spells out the kind of a combinator and of every condition', () => {
    expect(requirementNodeOf({ all: [{ votes: { min: 1 } }] })).toEqual({
      kind: 'all',
      children: [{ votes: { min: 1 } }],
    });
    expect(requirementNodeOf({ not: { votes: { min: 1 } } })).toEqual({
      kind: 'not',
      child: { votes: { min: 1 } },
    });
    expect(
      [
        { tokenBalance: { token: 'TRUST', min: '1' } },
        { nftCount: { collection: 'Covenant' as const, min: 1 } },
        { votes: { min: 1 } },
        { proposals: { min: 1 } },
        { accountAgeDays: { min: 1 } },
        { unlock: { id: 'a' } },
        { eventCount: { event: 'Staked', min: 1 } },
      ].map((condition) => requirementNodeOf(condition).kind),
    ).toEqual(['tokenBalance', 'nftCount', 'votes', 'proposals', 'accountAgeDays', 'unlock', 'eventCount']);
  });
});

describe(isConditionNode.name, () => {
  it('is true for conditions and false for combinators', () => {
    expect(isConditionNode(requirementNodeOf({ unlock: { id: 'a' } }))).toBe(true);
    expect(isConditionNode(requirementNodeOf({ any: [{ unlock: { id: 'a' } }] }))).toBe(false);
    expect(isConditionNode(requirementNodeOf({ not: { unlock: { id: 'a' } } }))).toBe(false);
  });
});

describe(childrenOf.name, () => {
  it('pairs each child with the path segments that lead to it', () => {
    const [first, second] = [{ votes: { min: 1 } }, { proposals: { min: 1 } }];
    expect(childrenOf(requirementNodeOf({ any: [first, second] }))).toEqual([
      { child: first, segments: ['any', 0] },
      { child: second, segments: ['any', 1] },
    ]);
    expect(childrenOf(requirementNodeOf({ not: first }))).toEqual([{ child: first, segments: ['not'] }]);
    expect(childrenOf(requirementNodeOf(first))).toEqual([]);
  });
});

describe(conditionsOf.name, () => {
  it('lists every leaf depth first with its path, through all, any and not', () => {
    const tree = {
      all: [
        { votes: { min: 1 } },
        { any: [{ unlock: { id: 'a' } }, { not: { eventCount: { event: 'Staked', min: 2 } } }] },
      ],
    };
    expect(conditionsOf(tree).map(({ path, node }) => `${path} ${node.kind}`)).toEqual([
      'requirements.all[0] votes',
      'requirements.all[1].any[0] unlock',
      'requirements.all[1].any[1].not eventCount',
    ]);
  });

  it('returns the root itself when it is a condition', () => {
    expect(conditionsOf({ votes: { min: 1 } })).toEqual([
      { path: 'requirements', node: { kind: 'votes', condition: { min: 1 } } },
    ]);
  });
});

describe(jsonPathOf.name, () => {
  it('puts indexes in brackets and keys after dots', () => {
    expect(jsonPathOf(['requirements', 'all', 2, 'tokenBalance', 'min'])).toBe(
      'requirements.all[2].tokenBalance.min',
    );
  });

  it('quotes keys that are not identifiers', () => {
    expect(jsonPathOf(['requirements', 'any', 0, 'token balance'])).toBe(
      'requirements.any[0]["token balance"]',
    );
  });
});
