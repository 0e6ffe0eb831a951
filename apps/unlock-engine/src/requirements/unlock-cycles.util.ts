import type { Requirement } from './requirement.schema';
import { conditionsOf } from './requirement-tree.util';

/** An unlock definition as far as `unlock` conditions between definitions are concerned. */
export interface UnlockRequirements {
  readonly id: string;
  readonly requirements: Requirement;
}

/** Unlock id to the ids its `unlock` conditions name. */
export type UnlockGraph = ReadonlyMap<string, readonly string[]>;

/**
 * Which unlocks each definition requires; a later definition with the same id replaces an earlier one.
 *
 * @example
 * unlockGraphOf([{ id: 'b', requirements: { unlock: { id: 'a' } } }]) // Map { 'b' => ['a'] }
 */
export function unlockGraphOf(definitions: readonly UnlockRequirements[]): UnlockGraph {
  return new Map(definitions.map(({ id, requirements }) => [id, unlockDependenciesOf(requirements)]));
}

/**
 * The ids of the unlocks a tree requires, each once, in tree order. A `not` still counts: the
 * result depends on the other unlock either way.
 *
 * @example
 * unlockDependenciesOf({ any: [{ unlock: { id: 'a' } }, { not: { unlock: { id: 'b' } } }] }) // ['a', 'b']
 */
export function unlockDependenciesOf(requirements: Requirement): string[] {
  const ids = conditionsOf(requirements).flatMap(({ node }) =>
    node.kind === 'unlock' ? [node.condition.id] : [],
  );
  return [...new Set(ids)];
}

/**
 * The shortest chain of requirements leading from `from` to `to`, both included, or undefined.
 *
 * @example
 * unlockPathBetween(new Map([['c', ['b']], ['b', ['a']]]), 'c', 'a') // ['c', 'b', 'a']
 */
export function unlockPathBetween(graph: UnlockGraph, from: string, to: string): string[] | undefined {
  const previous = new Map<string, string>();
  const queue = [from];
  for (let index = 0; index < queue.length; index++) {
    const id = queue[index];
    if (id === to) return pathBack(previous, from, to);
    for (const next of graph.get(id) ?? []) {
      if (next !== from && !previous.has(next)) {
        previous.set(next, id);
        queue.push(next);
      }
    }
  }
  return undefined;
}

function pathBack(previous: ReadonlyMap<string, string>, from: string, to: string): string[] {
  const path = [to];
  for (let id = to; id !== from; ) {
    id = previous.get(id) ?? from;
    path.unshift(id);
  }
  return path;
}

/**
 * Cycles through `unlock` conditions, each as a path that starts and ends on the same id. Every
 * unlock on a cycle is in at least one returned path; each path is the shortest cycle through the
 * first definition (in the given order) not yet covered — listing every elementary cycle could
 * take exponentially many.
 *
 * @example
 * findUnlockCycles([
 *   { id: 'a', requirements: { unlock: { id: 'b' } } },
 *   { id: 'b', requirements: { all: [{ votes: { min: 1 } }, { unlock: { id: 'a' } }] } },
 * ]) // [['a', 'b', 'a']]
 */
export function findUnlockCycles(definitions: readonly UnlockRequirements[]): string[][] {
  const graph = unlockGraphOf(definitions);
  const covered = new Set<string>();
  const cycles: string[][] = [];
  for (const id of graph.keys()) {
    if (covered.has(id)) continue;
    const cycle = shortestCycleThrough(graph, id);
    if (cycle === undefined) continue;
    cycle.forEach((member) => covered.add(member));
    cycles.push(cycle);
  }
  return cycles;
}

function shortestCycleThrough(graph: UnlockGraph, id: string): string[] | undefined {
  let shortest: string[] | undefined;
  for (const dependency of graph.get(id) ?? []) {
    const back = unlockPathBetween(graph, dependency, id);
    if (back !== undefined && (shortest === undefined || back.length + 1 < shortest.length)) {
      shortest = [id, ...back];
    }
  }
  return shortest;
}
