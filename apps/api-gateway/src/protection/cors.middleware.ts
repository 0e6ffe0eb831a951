import type { IncomingMessage, ServerResponse } from 'node:http';

const EXPOSED_HEADERS =
  'RateLimit-Policy, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After';

/**
 * The CORS headers of an answer to a request from `origin` under CORS_ORIGINS (`*` for any), or
 * undefined when the origin is not allowed (or there is none). Shared by the middleware and the
 * cached-read fast path, so both answer the same headers.
 */
export function corsHeadersOf(
  origins: readonly string[],
  origin: string | undefined,
): Record<string, string> | undefined {
  if (!origin) return undefined;
  const any = origins.includes('*');
  if (!any && !origins.includes(origin)) return undefined;
  return {
    'Access-Control-Allow-Origin': any ? '*' : origin,
    Vary: 'Origin',
    'Access-Control-Expose-Headers': EXPOSED_HEADERS,
  };
}

/**
 * CORS for the origins in CORS_ORIGINS (`*` for any). Without a list, no CORS header is sent and
 * browsers keep other origins out. Preflights are answered here with 204.
 */
export function corsMiddleware(origins: readonly string[]) {
  return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    const headers = corsHeadersOf(origins, request.headers.origin);
    if (headers) {
      for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
      if (request.method === 'OPTIONS') {
        response.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE');
        response.setHeader(
          'Access-Control-Allow-Headers',
          'authorization, content-type, x-api-key, traceparent',
        );
        response.setHeader('Access-Control-Max-Age', '600');
        response.statusCode = 204;
        response.end();
        return;
      }
    }
    next();
  };
}
