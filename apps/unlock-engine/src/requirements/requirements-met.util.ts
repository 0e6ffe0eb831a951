import type { WalletFacts } from './evaluate-condition.util';
import type { Requirement } from './requirement.schema';
import { type ConditionNode, isConditionNode, requirementNodeOf } from './requirement-tree.util';

const DAY_MS = 86_400_000;

/**
 * Whether a wallet meets a tree — the same answer as `evaluateRequirements(...).met`, without
 * building a result and description for every node: what the event path asks thousands of times
 * a second, while eligibility (which shows the why) uses the full evaluation.
 *
 * @example
 * requirementsMet({ any: [{ votes: { min: 3 } }, { proposals: { min: 1 } }] }, { ...facts, proposals: 1 }) // true
 */
export function requirementsMet(requirements: Requirement, facts: WalletFacts): boolean {
  const node = requirementNodeOf(requirements);
  if (isConditionNode(node)) return conditionMet(node, facts);
  switch (node.kind) {
    case 'all':
      return node.children.every((child) => requirementsMet(child, facts));
    case 'any':
      return node.children.some((child) => requirementsMet(child, facts));
    case 'not':
      return !requirementsMet(node.child, facts);
  }
}

function conditionMet(node: ConditionNode, facts: WalletFacts): boolean {
  switch (node.kind) {
    case 'tokenBalance':
      return (ownValueOf(facts.balances, node.condition.token) ?? 0n) >= BigInt(node.condition.min);
    case 'nftCount':
      return facts.nftCount >= node.condition.min;
    case 'votes':
      return facts.votes >= node.condition.min;
    case 'proposals':
      return facts.proposals >= node.condition.min;
    case 'accountAgeDays': {
      const first = facts.firstActivityAt;
      const days =
        first === undefined ? 0 : Math.max(0, Math.floor((facts.now.getTime() - first.getTime()) / DAY_MS));
      return days >= node.condition.min;
    }
    case 'unlock':
      return facts.achievedUnlockIds.has(node.condition.id);
    case 'eventCount':
      return (ownValueOf(facts.eventCounts, node.condition.event) ?? 0) >= node.condition.min;
    case 'solanaTokenBalance':
      return (
        (ownValueOf(facts.solanaBalances ?? {}, node.condition.mint) ?? 0n) >= BigInt(node.condition.min)
      );
  }
}

function ownValueOf<Value>(record: Readonly<Record<string, Value>>, key: string): Value | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
