import { InvalidRequirementsError } from './invalid-requirements.error';
import { type Requirement, type RequirementContext, requirementSchemaFor } from './requirement.schema';
import { REQUIREMENTS_PATH, jsonPathOf } from './requirement-tree.util';

export type RequirementsValidation =
  | { readonly ok: true; readonly requirements: Requirement }
  | { readonly ok: false; readonly error: InvalidRequirementsError };

/**
 * The typed tree, or an error naming every bad node by its JSON path: wrong shapes, empty `all` /
 * `any`, unknown condition kinds, tokens or unlock ids, an unlock requiring itself, and a cycle
 * through `context.definitions`.
 *
 * @example
 * validateRequirements({ all: [{ votes: { min: -1 } }] }, { tokens: ['TRUST'], knownUnlockIds: [], selfId: 'x' })
 * // { ok: false, error: InvalidRequirementsError {
 * //   issues: [{ path: 'requirements.all[0].votes.min', message: 'must be a non-negative integer' }] } }
 */
export function validateRequirements(input: unknown, context: RequirementContext): RequirementsValidation {
  const parsed = requirementSchemaFor(context).safeParse(input);
  if (parsed.success) return { ok: true, requirements: parsed.data };
  const issues = parsed.error.issues.map((issue) => ({
    path: jsonPathOf([REQUIREMENTS_PATH, ...issue.path]),
    message: issue.message,
  }));
  return { ok: false, error: new InvalidRequirementsError(issues) };
}
