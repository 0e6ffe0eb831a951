import type { RouteDefinition } from '../routes/route.model';
import { type JsonSchema, isOptional, jsonSchemaOf } from './zod-json-schema.util';

const problemRef = { $ref: '#/components/schemas/Problem' };
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemRef } },
});

/**
 * The gateway's OpenAPI 3.1 document, built from the route table alone (no server running), so
 * the committed `openapi.json` can be checked against the code in CI.
 *
 * @example
 * const doc = buildOpenApiDocument(routeTable);
 */
export function buildOpenApiDocument(routes: readonly RouteDefinition[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = operationOf(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Convergence API gateway',
      version: '1.0.0',
      description:
        'REST API for frontends and operators. Sign in with Ethereum (POST /auth/nonce, then POST /auth/verify) ' +
        'for a Bearer access token, or send an API key in x-api-key. Every error is RFC 9457 problem+json. ' +
        'Rate limits are announced in RateLimit-* headers; a 429 carries Retry-After.',
    },
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
      },
      schemas: {
        Problem: {
          type: 'object',
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            instance: { type: 'string' },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                properties: { field: { type: 'string' }, message: { type: 'string' } },
                required: ['field', 'message'],
              },
            },
          },
          required: ['type', 'title', 'status'],
        },
      },
    },
  };
}

function operationOf(route: RouteDefinition): Record<string, unknown> {
  const parameters = [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query')];
  const success = route.status ?? 200;
  const responses: Record<string, unknown> = {
    [String(success)]:
      success === 204
        ? { description: 'done' }
        : {
            description: 'success',
            content: Object.fromEntries((route.produces ?? ['application/json']).map((type) => [type, {}])),
          },
    '400': problem('invalid input; `errors` names each bad field'),
    '429': problem('rate limit reached; see Retry-After'),
  };
  if (route.access !== 'public') {
    responses['401'] = problem('no valid credentials');
    responses['403'] = problem(`the caller's role or scopes do not allow this (needs ${route.access})`);
  }
  for (const [status, description] of Object.entries(route.problems ?? {}))
    responses[status] = problem(description);
  if (route.upstream) {
    responses['502'] = problem(`${route.upstream.service} failed or is unreachable`);
    responses['504'] = problem(`${route.upstream.service} did not answer in time`);
  }
  return {
    operationId: route.id,
    summary: route.summary,
    tags: [route.tag],
    'x-access': route.access,
    ...(route.access === 'public'
      ? { security: [] }
      : { security: [{ bearer: [] }, { apiKey: [route.scope] }], 'x-scope': route.scope }),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchemaOf(route.body) } },
          },
        }
      : {}),
    responses,
  };
}

function parametersOf(schema: RouteDefinition['params'], where: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  return Object.entries(schema.shape as Record<string, Parameters<typeof jsonSchemaOf>[0]>).map(
    ([name, field]) => ({
      name,
      in: where,
      required: where === 'path' || !isOptional(field),
      schema: jsonSchemaOf(field),
    }),
  );
}
