import type { ConditionKind } from './condition.schema';
import type { Requirement } from './requirement.schema';
import { type ConditionNode, conditionsOf } from './requirement-tree.util';

/**
 * Something about a wallet that changed, as the consumer derives it from an event. `time` is the
 * passing of days (and a first activity moving earlier), which only `accountAgeDays` depends on.
 */
export type FactChange =
  | { readonly kind: 'balance'; readonly token: string }
  | { readonly kind: 'solanaBalance'; readonly mint: string }
  | { readonly kind: 'nft' }
  | { readonly kind: 'vote' }
  | { readonly kind: 'proposal' }
  | { readonly kind: 'event'; readonly event: string }
  | { readonly kind: 'unlock'; readonly id: string }
  | { readonly kind: 'time' };

/**
 * The condition kinds a tree uses, combinators left out.
 *
 * @example
 * conditionKindsOf({ any: [{ votes: { min: 3 } }, { not: { votes: { min: 9 } } }] }) // Set { 'votes' }
 */
export function conditionKindsOf(requirements: Requirement): Set<ConditionKind> {
  return new Set(conditionsOf(requirements).map(({ node }) => node.kind));
}

/**
 * Whether a change can alter the tree's result, so that an event re-evaluates only the unlocks it
 * can change. A condition under `not` counts like any other.
 *
 * @example
 * isAffectedBy({ tokenBalance: { token: 'TRUST', min: '1' } }, { kind: 'balance', token: 'TALLY' }) // false
 */
export function isAffectedBy(requirements: Requirement, change: FactChange): boolean {
  return conditionsOf(requirements).some(({ node }) => conditionDependsOn(node, change));
}

function conditionDependsOn(node: ConditionNode, change: FactChange): boolean {
  switch (change.kind) {
    case 'balance':
      return node.kind === 'tokenBalance' && node.condition.token === change.token;
    case 'solanaBalance':
      return node.kind === 'solanaTokenBalance' && node.condition.mint === change.mint;
    case 'nft':
      return node.kind === 'nftCount';
    case 'vote':
      return node.kind === 'votes';
    case 'proposal':
      return node.kind === 'proposals';
    case 'event':
      return node.kind === 'eventCount' && node.condition.event === change.event;
    case 'unlock':
      return node.kind === 'unlock' && node.condition.id === change.id;
    case 'time':
      return node.kind === 'accountAgeDays';
  }
}
