import { parseOrBadRequest } from '@convergence/service-kit';
import { z } from 'zod';
import type { RouteDefinition } from './route.model';

export interface ValidatedInput {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
}

/**
 * Checks a request against its route's schemas; a 400 problem naming each bad field otherwise. A
 * route without a query schema takes no query, and one without a body schema takes no body.
 */
export function validateInput(
  route: RouteDefinition,
  input: { params: unknown; query: unknown; body: unknown },
): ValidatedInput {
  const params = route.params
    ? (parseOrBadRequest(route.params, input.params, 'invalid path parameters') as Record<string, unknown>)
    : {};
  const query = parseOrBadRequest(route.query ?? noFields, input.query ?? {}, 'invalid query') as Record<
    string,
    unknown
  >;
  const body = route.body
    ? (parseOrBadRequest(route.body, input.body, 'invalid body') as unknown)
    : undefined;
  return { params, query, body };
}

const noFields = z.object({}).strict();
