import { countText } from './count-text.util';
import {
  type ConditionResult,
  type EvaluationOptions,
  type WalletFacts,
  conditionResultOf,
} from './evaluate-condition.util';
import { unmetProgressOf } from './progress.util';
import type { Requirement } from './requirement.schema';
import {
  type PathSegment,
  REQUIREMENTS_PATH,
  childrenOf,
  isConditionNode,
  jsonPathOf,
  requirementNodeOf,
} from './requirement-tree.util';

export interface RequirementsEvaluation {
  readonly met: boolean;
  /** Every node of the tree, depth first; the first is the root. */
  readonly conditions: readonly ConditionResult[];
}

/**
 * Whether a wallet meets an unlock's requirements, and for every node where it stands — the "why
 * not yet" a user sees. Combinators report, as `current` of `target`: `all` how many children are
 * met of how many there are, `any` how many are met of 1, `not` 1 of 1 when its child is not met.
 * Their progress: `all` the mean of its children's (each child weighs the same), `any` its best
 * child's (the nearest way in), `not` 1 when met and otherwise 0 — there is no distance to measure
 * in having too much of something, and 1 minus the child's progress would be 0 anyway.
 * A condition under `not` reports its own `met`; the `not` above it says whether that is wanted.
 *
 * @example
 * evaluateRequirements({ tokenBalance: { token: 'TRUST', min: '100000000000000000000' } }, facts)
 * // { met: false, conditions: [{ path: 'requirements', kind: 'tokenBalance', met: false,
 * //   current: '40000000000000000000', target: '100000000000000000000', progress: 0.4,
 * //   description: 'Hold at least 100 TRUST (you hold 40)' }] }
 */
export function evaluateRequirements(
  requirements: Requirement,
  facts: WalletFacts,
  options: EvaluationOptions = {},
): RequirementsEvaluation {
  const conditions = resultsOf(requirements, [REQUIREMENTS_PATH], facts, options);
  return { met: conditions[0].met, conditions };
}

function resultsOf(
  requirement: Requirement,
  segments: readonly PathSegment[],
  facts: WalletFacts,
  options: EvaluationOptions,
): ConditionResult[] {
  const node = requirementNodeOf(requirement);
  const path = jsonPathOf(segments);
  if (isConditionNode(node)) return [conditionResultOf(node, path, facts, options)];
  const subtrees = childrenOf(node).map(({ child, segments: tail }) =>
    resultsOf(child, [...segments, ...tail], facts, options),
  );
  const children = subtrees.map(([head]) => head);
  return [combinedResultOf(node.kind, path, children), ...subtrees.flat()];
}

function combinedResultOf(
  kind: 'all' | 'any' | 'not',
  path: string,
  children: readonly ConditionResult[],
): ConditionResult {
  const metCount = children.filter((child) => child.met).length;
  const progresses = children.map((child) => child.progress);
  switch (kind) {
    case 'all': {
      const met = metCount === children.length;
      const mean = progresses.reduce((sum, progress) => sum + progress, 0) / children.length;
      return {
        ...counts(path, kind, met, metCount, children.length),
        progress: met ? 1 : unmetProgressOf(mean),
        description: `Meet all ${countText(children.length, 'condition')} below (${metCount} met)`,
      };
    }
    case 'any': {
      const met = metCount > 0;
      return {
        ...counts(path, kind, met, metCount, 1),
        progress: met ? 1 : Math.max(...progresses),
        description: `Meet at least 1 of the ${countText(children.length, 'condition')} below (${metCount} met)`,
      };
    }
    case 'not': {
      const [child] = children;
      const met = !child.met;
      return {
        ...counts(path, kind, met, met ? 1 : 0, 1),
        progress: met ? 1 : 0,
        description: `Must not: ${child.description.charAt(0).toLowerCase()}${child.description.slice(1)}`,
      };
    }
  }
}

function counts(path: string, kind: 'all' | 'any' | 'not', met: boolean, current: number, target: number) {
  return { path, kind, met, current: String(current), target: String(target) };
}
