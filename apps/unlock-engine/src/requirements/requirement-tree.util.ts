import type { Condition, ConditionKind, ConditionPayload } from './condition.schema';
import type { Requirement } from './requirement.schema';

/** Where a requirements tree sits in an unlock definition; the first segment of every path. */
export const REQUIREMENTS_PATH = 'requirements';

export type PathSegment = string | number;

/** A node of the tree with its kind spelled out, so a `switch` on `kind` narrows it. */
export type RequirementNode =
  | { kind: 'all'; children: readonly Requirement[] }
  | { kind: 'any'; children: readonly Requirement[] }
  | { kind: 'not'; child: Requirement }
  | ConditionNode;

export type ConditionNode = {
  [Kind in ConditionKind]: { kind: Kind; condition: ConditionPayload<Kind> };
}[ConditionKind];

/**
 * The node's single key as `kind`, with its value alongside.
 *
 * @example
 * requirementNodeOf({ votes: { min: 3 } }) // { kind: 'votes', condition: { min: 3 } }
 */
export function requirementNodeOf(requirement: Requirement): RequirementNode {
  if ('all' in requirement) return { kind: 'all', children: requirement.all };
  if ('any' in requirement) return { kind: 'any', children: requirement.any };
  if ('not' in requirement) return { kind: 'not', child: requirement.not };
  return conditionNodeOf(requirement);
}

function conditionNodeOf(condition: Condition): ConditionNode {
  if ('tokenBalance' in condition) return { kind: 'tokenBalance', condition: condition.tokenBalance };
  if ('nftCount' in condition) return { kind: 'nftCount', condition: condition.nftCount };
  if ('votes' in condition) return { kind: 'votes', condition: condition.votes };
  if ('proposals' in condition) return { kind: 'proposals', condition: condition.proposals };
  if ('accountAgeDays' in condition) return { kind: 'accountAgeDays', condition: condition.accountAgeDays };
  if ('unlock' in condition) return { kind: 'unlock', condition: condition.unlock };
  if ('solanaTokenBalance' in condition)
    return { kind: 'solanaTokenBalance', condition: condition.solanaTokenBalance };
  return { kind: 'eventCount', condition: condition.eventCount };
}

/** @example isConditionNode(requirementNodeOf({ votes: { min: 1 } })) // true */
export function isConditionNode(node: RequirementNode): node is ConditionNode {
  return node.kind !== 'all' && node.kind !== 'any' && node.kind !== 'not';
}

/**
 * A node's children with the path segments that lead to each; none for a condition.
 *
 * @example
 * childrenOf(requirementNodeOf({ not: { votes: { min: 1 } } })) // [{ child: { votes: … }, segments: ['not'] }]
 */
export function childrenOf(node: RequirementNode): Array<{ child: Requirement; segments: PathSegment[] }> {
  if (node.kind === 'all' || node.kind === 'any') {
    return node.children.map((child, index) => ({ child, segments: [node.kind, index] }));
  }
  return node.kind === 'not' ? [{ child: node.child, segments: ['not'] }] : [];
}

/**
 * Every leaf condition, depth first, with its path.
 *
 * @example
 * conditionsOf({ all: [{ votes: { min: 1 } }, { not: { unlock: { id: 'x' } } }] })
 * // [{ path: 'requirements.all[0]', node: { kind: 'votes', … } },
 * //  { path: 'requirements.all[1].not', node: { kind: 'unlock', … } }]
 */
export function conditionsOf(
  requirement: Requirement,
  segments: readonly PathSegment[] = [REQUIREMENTS_PATH],
): Array<{ path: string; node: ConditionNode }> {
  const node = requirementNodeOf(requirement);
  if (isConditionNode(node)) return [{ path: jsonPathOf(segments), node }];
  return childrenOf(node).flatMap(({ child, segments: tail }) => conditionsOf(child, [...segments, ...tail]));
}

/**
 * A JSON path as written in error messages: indexes in brackets, other keys after dots.
 *
 * @example
 * jsonPathOf(['requirements', 'all', 2, 'tokenBalance', 'min']) // 'requirements.all[2].tokenBalance.min'
 */
export function jsonPathOf(segments: readonly PathSegment[]): string {
  return segments.reduce<string>((path, segment, index) => {
    if (typeof segment === 'number') return `${path}[${segment}]`;
    if (!/^[A-Za-z_$][\w$]*$/.test(segment)) return `${path}[${JSON.stringify(segment)}]`;
    return index === 0 ? segment : `${path}.${segment}`;
  }, '');
}
