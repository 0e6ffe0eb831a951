import { z } from 'zod';
import {
  type Condition,
  type ConditionChecks,
  type ConditionKind,
  conditionKinds,
  conditionSchemasFor,
  isConditionKind,
} from './condition.schema';
import type { PathSegment } from './requirement-tree.util';
import { type UnlockRequirements, unlockGraphOf, unlockPathBetween } from './unlock-cycles.util';

/** A node of an unlock's declarative rule tree: a combinator or a condition, as a one-key object. */
export type Requirement = { all: Requirement[] } | { any: Requirement[] } | { not: Requirement } | Condition;

export type RequirementKind = 'all' | 'any' | 'not' | ConditionKind;

export const requirementKinds: readonly RequirementKind[] = ['all', 'any', 'not', ...conditionKinds];

/** What a tree is checked against beyond its shape. */
export interface RequirementContext {
  /** Token symbols configured for this deployment, e.g. `['TRUST', 'TALLY', 'VOUCHER']`. */
  readonly tokens: readonly string[];
  /** Ids of the unlocks an `unlock` condition may name. */
  readonly knownUnlockIds: Iterable<string>;
  /** The id of the unlock whose requirements these are. */
  readonly selfId: string;
  /** The other definitions' current requirements, to reject a cycle this tree would close. */
  readonly definitions?: readonly UnlockRequirements[];
  /** SPL mints (base58) a `solanaTokenBalance` condition may name: UNLOCK_SOLANA_MINTS. */
  readonly solanaMints?: readonly string[];
}

interface TreeIssue {
  path: PathSegment[];
  message: string;
}

type ConditionSchemas = ReturnType<typeof conditionSchemasFor>;

const KINDS = requirementKinds.join(', ');
// Deeper trees are a mistake or an attack; unbounded recursion would fail with a 500, not a 4xx.
const MAX_DEPTH = 32;

/**
 * A zod schema for a rule tree that reports every bad node, not just the first, each at its own
 * path. With a context it also rejects unknown tokens and unlock ids, an unlock requiring itself
 * and a cycle through the other definitions.
 *
 * @example
 * const body = z.object({ title: z.string(), requirements: requirementSchemaFor(context) });
 */
export function requirementSchemaFor(
  context?: RequirementContext,
): z.ZodType<Requirement, z.ZodTypeDef, unknown> {
  return z.unknown().superRefine((input, ctx): input is Requirement => {
    const issues: TreeIssue[] = [];
    collectIssues(input, [], 0, conditionSchemasFor(conditionChecksOf(context)), issues);
    for (const { path, message } of issues) ctx.addIssue({ code: 'custom', path, message });
    return issues.length === 0;
  });
}

/** The shape of a rule tree alone, without checking tokens or unlock ids against a deployment. */
export const requirementSchema = requirementSchemaFor();

function collectIssues(
  input: unknown,
  path: PathSegment[],
  depth: number,
  schemas: ConditionSchemas,
  issues: TreeIssue[],
): void {
  if (depth > MAX_DEPTH) {
    issues.push({ path, message: `must not nest more than ${MAX_DEPTH} levels deep` });
    return;
  }
  if (!isPlainObject(input)) {
    issues.push({ path, message: `must be an object with one of the keys ${KINDS}` });
    return;
  }
  const keys = Object.keys(input);
  for (const key of keys.filter((key) => !isRequirementKind(key))) {
    issues.push({
      path: [...path, key],
      message: `unknown condition kind '${key}'; expected one of ${KINDS}`,
    });
  }
  const kinds = keys.filter(isRequirementKind);
  if (keys.length === 0) issues.push({ path, message: `must have one of the keys ${KINDS}` });
  if (kinds.length > 1) {
    issues.push({
      path,
      message: `must have exactly one key, found ${kinds.join(', ')}; combine them with all`,
    });
  }
  for (const kind of kinds) collectKindIssues(kind, input[kind], [...path, kind], depth, schemas, issues);
}

function collectKindIssues(
  kind: RequirementKind,
  value: unknown,
  path: PathSegment[],
  depth: number,
  schemas: ConditionSchemas,
  issues: TreeIssue[],
): void {
  if (kind === 'not') return collectIssues(value, path, depth + 1, schemas, issues);
  if (kind === 'all' || kind === 'any') {
    if (!Array.isArray(value)) issues.push({ path, message: 'must be an array of requirements' });
    else if (value.length === 0) issues.push({ path, message: 'must not be empty' });
    else value.forEach((child, index) => collectIssues(child, [...path, index], depth + 1, schemas, issues));
    return;
  }
  const parsed = schemas[kind].safeParse(value);
  for (const issue of parsed.error?.issues ?? []) {
    issues.push({ path: [...path, ...issue.path], message: issue.message });
  }
}

function conditionChecksOf(context: RequirementContext | undefined): ConditionChecks {
  if (context === undefined) return {};
  const { selfId } = context;
  const tokens = new Set(context.tokens);
  const mints = new Set(context.solanaMints ?? []);
  const knownUnlockIds = new Set(context.knownUnlockIds);
  // The stored version of this unlock is the one being replaced, so its edges do not count.
  const others = unlockGraphOf((context.definitions ?? []).filter(({ id }) => id !== selfId));
  return {
    tokenIssueOf: (token) =>
      tokens.has(token) ? undefined : `unknown token '${token}'; configured: ${[...tokens].join(', ')}`,
    mintIssueOf: (mint) => {
      if (mints.has(mint)) return undefined;
      return mints.size === 0
        ? `unknown SPL mint '${mint}'; none configured (UNLOCK_SOLANA_MINTS)`
        : `unknown SPL mint '${mint}'; configured: ${[...mints].join(', ')}`;
    },
    unlockIdIssueOf: (id) => {
      if (id === selfId) return 'an unlock cannot require itself';
      if (!knownUnlockIds.has(id)) return `unknown unlock '${id}'`;
      const back = unlockPathBetween(others, id, selfId);
      return back === undefined ? undefined : `closes a cycle: ${[selfId, ...back].join(' -> ')}`;
    },
  };
}

function isRequirementKind(key: string): key is RequirementKind {
  return key === 'all' || key === 'any' || key === 'not' || isConditionKind(key);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
