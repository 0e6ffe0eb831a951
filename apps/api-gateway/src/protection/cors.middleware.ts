import type { NextFunction, Request, Response } from 'express';

/**
 * CORS for the origins in CORS_ORIGINS (`*` for any). Without a list, no CORS header is sent and
 * browsers keep other origins out. Preflights are answered here with 204.
 */
export function corsMiddleware(origins: readonly string[]) {
  const any = origins.includes('*');
  return (request: Request, response: Response, next: NextFunction): void => {
    const origin = request.headers.origin;
    if (origin && (any || origins.includes(origin))) {
      response.setHeader('Access-Control-Allow-Origin', any ? '*' : origin);
      response.setHeader('Vary', 'Origin');
      response.setHeader(
        'Access-Control-Expose-Headers',
        'RateLimit-Policy, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After',
      );
      if (request.method === 'OPTIONS') {
        response.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE');
        response.setHeader(
          'Access-Control-Allow-Headers',
          'authorization, content-type, x-api-key, traceparent',
        );
        response.setHeader('Access-Control-Max-Age', '600');
        response.status(204).end();
        return;
      }
    }
    next();
  };
}
