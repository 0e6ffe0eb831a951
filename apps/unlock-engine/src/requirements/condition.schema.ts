import { z } from 'zod';

/** NFT collections a `nftCount` condition can name. */
export const nftCollections = ['Covenant'] as const;

const INTEGER = 'must be a non-negative integer';
const INTEGER_STRING = 'must be a non-negative integer string';

const countSchema = z
  .number({ required_error: 'is required', invalid_type_error: INTEGER })
  .int(INTEGER)
  .nonnegative(INTEGER)
  .max(Number.MAX_SAFE_INTEGER, 'must be at most 2^53 - 1');

// Base units as a decimal string: JSON numbers lose precision past 2^53; 78 digits hold any uint256.
const amountSchema = z
  .string({ required_error: 'is required', invalid_type_error: INTEGER_STRING })
  .regex(/^(0|[1-9][0-9]{0,77})$/, INTEGER_STRING);

const nameSchema = z
  .string({ required_error: 'is required', invalid_type_error: 'must be a string' })
  .min(1, 'must not be empty');

const conditionErrorMap: z.ZodErrorMap = (issue, context) => {
  if (issue.code === 'unrecognized_keys') {
    return { message: `unknown field ${issue.keys.map((key) => `'${key}'`).join(', ')}` };
  }
  if (issue.code === 'invalid_type') return { message: 'must be an object' };
  return { message: context.defaultError };
};

function conditionObject<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.object(shape, { errorMap: conditionErrorMap }).strict();
}

/** Checks against the deployment, beyond a condition's shape; each returns a problem or undefined. */
export interface ConditionChecks {
  readonly tokenIssueOf?: (token: string) => string | undefined;
  readonly unlockIdIssueOf?: (id: string) => string | undefined;
  readonly mintIssueOf?: (mint: string) => string | undefined;
}

/**
 * The payload schema of each condition kind, keyed by the kind as it appears in the rule tree.
 *
 * @example
 * conditionSchemasFor({ tokenIssueOf: (t) => (t === 'TRUST' ? undefined : 'unknown token') })
 *   .tokenBalance.safeParse({ token: 'GOLD', min: '1' }).success // false
 */
export function conditionSchemasFor(checks: ConditionChecks = {}) {
  return {
    tokenBalance: conditionObject({ token: checked(nameSchema, checks.tokenIssueOf), min: amountSchema }),
    nftCount: conditionObject({
      collection: z.enum(nftCollections, {
        errorMap: () => ({ message: `must be one of: ${nftCollections.join(', ')}` }),
      }),
      min: countSchema,
    }),
    votes: conditionObject({ min: countSchema }),
    proposals: conditionObject({ min: countSchema }),
    accountAgeDays: conditionObject({ min: countSchema }),
    unlock: conditionObject({ id: checked(nameSchema, checks.unlockIdIssueOf) }),
    eventCount: conditionObject({ event: nameSchema, min: countSchema }),
    solanaTokenBalance: conditionObject({ mint: checked(nameSchema, checks.mintIssueOf), min: amountSchema }),
  };
}

/** Condition payload shapes alone, without deployment checks. */
export const conditionSchemas = conditionSchemasFor();

function checked(schema: z.ZodString, issueOf: ((value: string) => string | undefined) | undefined) {
  return schema.superRefine((value, ctx) => {
    // An empty name already failed its own check; a second message about it would be noise.
    const message = value === '' ? undefined : issueOf?.(value);
    if (message !== undefined) ctx.addIssue({ code: 'custom', message });
  });
}

export type ConditionKind = keyof typeof conditionSchemas;

export type ConditionPayload<Kind extends ConditionKind> = z.infer<(typeof conditionSchemas)[Kind]>;

/** A leaf of the rule tree: an object with exactly one condition kind as its key. */
export type Condition = { [Kind in ConditionKind]: { [Key in Kind]: ConditionPayload<Kind> } }[ConditionKind];

export const conditionKinds = Object.keys(conditionSchemas) as ConditionKind[];

/** @example isConditionKind('votes') // true */
export function isConditionKind(key: string): key is ConditionKind {
  return Object.hasOwn(conditionSchemas, key);
}
