import type { FactChange } from './affected-conditions.util';
import type { Requirement } from './requirement.schema';
import { type ConditionNode, conditionsOf } from './requirement-tree.util';

/**
 * A fact as a string key (`balance:TRUST`, `event:VoteCast`, `unlock:genesis`, `vote`, `time`…), so
 * which unlocks a change can affect is a set lookup instead of a walk of every tree.
 *
 * @example
 * factKeyOf({ kind: 'balance', token: 'TRUST' }) // 'balance:TRUST'
 */
export function factKeyOf(change: FactChange): string {
  switch (change.kind) {
    case 'balance':
      return `balance:${change.token}`;
    case 'solanaBalance':
      return `solana:${change.mint}`;
    case 'event':
      return `event:${change.event}`;
    case 'unlock':
      return `unlock:${change.id}`;
    case 'nft':
    case 'vote':
    case 'proposal':
    case 'time':
      return change.kind;
  }
}

const cache = new WeakMap<object, ReadonlySet<string>>();

/**
 * The keys of every fact a tree depends on — `isAffectedBy(tree, change)` is exactly
 * `factDependenciesOf(tree).has(factKeyOf(change))`. Cached per tree object.
 *
 * @example
 * factDependenciesOf({ all: [{ votes: { min: 1 } }, { unlock: { id: 'a' } }] }) // Set { 'vote', 'unlock:a' }
 */
export function factDependenciesOf(requirements: Requirement): ReadonlySet<string> {
  let keys = cache.get(requirements);
  if (keys === undefined) {
    keys = new Set(conditionsOf(requirements).map(({ node }) => dependencyKeyOf(node)));
    cache.set(requirements, keys);
  }
  return keys;
}

function dependencyKeyOf(node: ConditionNode): string {
  switch (node.kind) {
    case 'tokenBalance':
      return `balance:${node.condition.token}`;
    case 'nftCount':
      return 'nft';
    case 'votes':
      return 'vote';
    case 'proposals':
      return 'proposal';
    case 'accountAgeDays':
      return 'time';
    case 'unlock':
      return `unlock:${node.condition.id}`;
    case 'eventCount':
      return `event:${node.condition.event}`;
    case 'solanaTokenBalance':
      return `solana:${node.condition.mint}`;
  }
}
