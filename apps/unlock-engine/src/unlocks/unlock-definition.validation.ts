import { z } from 'zod';
import type { FieldError } from '../http/engine-request.error';
import { type Ceremony, ceremonySchema } from '../requirements/ceremony.schema';
import type { Requirement, RequirementContext } from '../requirements/requirement.schema';
import { jsonPathOf } from '../requirements/requirement-tree.util';
import { validateRequirements } from '../requirements/validate-requirements.util';

/** What a definition is made of once valid (the id comes from the path on update). */
export interface DefinitionContent {
  readonly title: string;
  readonly description: string;
  readonly requirements: Requirement;
  readonly ceremony: Ceremony;
}

export const UNLOCK_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

const contentSchema = z
  .object({
    title: z.string({ required_error: 'is required' }).trim().min(1, 'must not be blank').max(200),
    description: z.string().max(4_000).default(''),
    requirements: z.unknown(),
    ceremony: z.unknown(),
  })
  .strict();

const createSchema = contentSchema.extend({
  id: z
    .string({ required_error: 'is required' })
    .regex(
      UNLOCK_ID_PATTERN,
      'must be 1-64 lowercase letters, digits or dashes, starting with a letter or digit',
    ),
});

export type DefinitionValidation<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: FieldError[] };

/**
 * A create request checked whole: its fields, its requirements tree (every bad node by JSON path,
 * `requirements.all[1].tokenBalance.token`) and its ceremony (`ceremony.steps[0].text`).
 *
 * @example
 * validateNewDefinition({ id: 'x', title: 'X', requirements: { votes: { min: -1 } }, ceremony }, context)
 * // { ok: false, errors: [{ field: 'requirements.votes.min', message: 'must be a non-negative integer' }] }
 */
export function validateNewDefinition(
  body: unknown,
  contextOf: (id: string) => RequirementContext,
): DefinitionValidation<DefinitionContent & { id: string }> {
  const parsed = createSchema.safeParse(body ?? {});
  if (!parsed.success) {
    const partialId =
      typeof (body as { id?: unknown } | null)?.id === 'string' ? String((body as { id: string }).id) : '';
    return {
      ok: false,
      errors: [...zodErrorsOf(parsed.error), ...contentErrors(body, contextOf(partialId))],
    };
  }
  const content = checkContent(parsed.data, contextOf(parsed.data.id));
  return content.ok ? { ok: true, value: { ...content.value, id: parsed.data.id } } : content;
}

/**
 * An update request (the next version's whole content) checked like a create.
 *
 * @example
 * validateDefinitionUpdate({ title: 'X', requirements: { votes: { min: 2 } }, ceremony }, context) // { ok: true, … }
 */
export function validateDefinitionUpdate(
  body: unknown,
  context: RequirementContext,
): DefinitionValidation<DefinitionContent> {
  const parsed = contentSchema.safeParse(body ?? {});
  if (!parsed.success)
    return { ok: false, errors: [...zodErrorsOf(parsed.error), ...contentErrors(body, context)] };
  return checkContent(parsed.data, context);
}

function checkContent(
  data: { title: string; description: string; requirements?: unknown; ceremony?: unknown },
  context: RequirementContext,
): DefinitionValidation<DefinitionContent> {
  const requirements = validateRequirements(data.requirements, context);
  const ceremony = ceremonySchema.safeParse(data.ceremony);
  const errors: FieldError[] = [];
  if (!requirements.ok)
    errors.push(...requirements.error.issues.map((i) => ({ field: i.path, message: i.message })));
  if (!ceremony.success) errors.push(...prefixed('ceremony', ceremony.error));
  if (!requirements.ok || !ceremony.success) return { ok: false, errors };
  return {
    ok: true,
    value: {
      title: data.title,
      description: data.description,
      requirements: requirements.requirements,
      ceremony: ceremony.data,
    },
  };
}

// When the envelope fields are wrong, still report every bad node of the tree and ceremony.
function contentErrors(body: unknown, context: RequirementContext): FieldError[] {
  if (typeof body !== 'object' || body === null) return [];
  const { requirements, ceremony } = body as { requirements?: unknown; ceremony?: unknown };
  const errors: FieldError[] = [];
  const checked = validateRequirements(requirements, context);
  if (!checked.ok) errors.push(...checked.error.issues.map((i) => ({ field: i.path, message: i.message })));
  const steps = ceremonySchema.safeParse(ceremony);
  if (!steps.success) errors.push(...prefixed('ceremony', steps.error));
  return errors;
}

function zodErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues
    .filter((issue) => issue.path[0] !== 'requirements' && issue.path[0] !== 'ceremony')
    .map((issue) => ({
      field: issue.path.length === 0 ? '(body)' : jsonPathOf(issue.path),
      message: issue.code === 'unrecognized_keys' ? `unknown field ${issue.keys.join(', ')}` : issue.message,
    }));
}

function prefixed(root: string, error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ field: jsonPathOf([root, ...issue.path]), message: issue.message }));
}
