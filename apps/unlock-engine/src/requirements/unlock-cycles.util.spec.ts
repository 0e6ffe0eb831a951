import type { Requirement } from './requirement.schema';
import {
  findUnlockCycles,
  unlockDependenciesOf,
  unlockGraphOf,
  unlockPathBetween,
} from './unlock-cycles.util';

const requires = (...ids: string[]): Requirement => ({ any: ids.map((id) => ({ unlock: { id } })) });
const definitionsOf = (edges: Record<string, string[]>) =>
  Object.entries(edges).map(([id, ids]) => ({
    id,
    requirements: ids.length ? requires(...ids) : { votes: { min: 1 } },
  }));

describe(unlockDependenciesOf.name, () => {
  it('lists each required unlock once in tree order, including those under not', () => {
    expect(
      unlockDependenciesOf({
        all: [
          { unlock: { id: 'b' } },
          { not: { unlock: { id: 'a' } } },
          { unlock: { id: 'b' } },
          { votes: { min: 1 } },
        ],
      }),
    ).toEqual(['b', 'a']);
  });
});

describe(unlockGraphOf.name, () => {
  it('lets a later definition with the same id replace an earlier one', () => {
    const graph = unlockGraphOf([
      { id: 'a', requirements: requires('b') },
      { id: 'a', requirements: requires('c') },
    ]);
    expect([...graph]).toEqual([['a', ['c']]]);
  });
});

describe(unlockPathBetween.name, () => {
  const graph = unlockGraphOf(definitionsOf({ a: ['b', 'x'], b: ['c'], c: ['d'], x: ['d'], d: [] }));

  it('returns the shortest chain, both ends included', () => {
    expect(unlockPathBetween(graph, 'a', 'd')).toEqual(['a', 'x', 'd']);
  });

  it('returns the start alone when it is the end', () => {
    expect(unlockPathBetween(graph, 'b', 'b')).toEqual(['b']);
  });

  it('returns undefined when there is no chain, or an id is unknown', () => {
    expect(unlockPathBetween(graph, 'd', 'a')).toBeUndefined();
    expect(unlockPathBetween(graph, 'nobody', 'a')).toBeUndefined();
  });
});

describe(findUnlockCycles.name, () => {
  it('finds none among definitions that only point forward', () => {
    expect(findUnlockCycles(definitionsOf({ a: ['b', 'c'], b: ['c'], c: [], d: ['a', 'missing'] }))).toEqual(
      [],
    );
  });

  it('returns a two-step cycle as a path that ends where it starts', () => {
    expect(findUnlockCycles(definitionsOf({ a: ['b'], b: ['a'] }))).toEqual([['a', 'b', 'a']]);
  });

  it('returns an unlock that requires itself', () => {
    expect(findUnlockCycles(definitionsOf({ a: ['a'] }))).toEqual([['a', 'a']]);
  });

  it('returns the shortest cycle through an unlock, not the first one found', () => {
    expect(findUnlockCycles(definitionsOf({ a: ['b', 'c'], b: ['x'], x: ['a'], c: ['a'] }))).toEqual([
      ['a', 'c', 'a'],
      ['b', 'x', 'a', 'b'],
    ]);
  });

  // A depth-first search reporting back edges would miss `s` here: its edge to `a` is a cross edge.
  it('covers every unlock that is on some cycle', () => {
    const cycles = findUnlockCycles(definitionsOf({ r: ['a', 's'], a: ['r'], s: ['a'] }));
    expect(cycles).toEqual([
      ['r', 'a', 'r'],
      ['s', 'a', 'r', 's'],
    ]);
    expect(new Set(cycles.flat())).toEqual(new Set(['r', 'a', 's']));
  });

  it('finds a cycle through an unlock condition under not', () => {
    expect(
      findUnlockCycles([
        { id: 'a', requirements: { not: { unlock: { id: 'b' } } } },
        { id: 'b', requirements: { unlock: { id: 'a' } } },
      ]),
    ).toEqual([['a', 'b', 'a']]);
  });
});
