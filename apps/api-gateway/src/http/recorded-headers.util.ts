import type { IncomingMessage, ServerResponse } from 'node:http';

/** A Connect-style middleware as Nest mounts it (helmet, CORS). */
export type NodeMiddleware = (
  request: IncomingMessage,
  response: ServerResponse,
  next: (error?: unknown) => void,
) => void;

/**
 * The headers a middleware sets on a plain GET answer, recorded once by running it against a
 * stand-in response, so a hot path can send exactly those headers without running it per request.
 * Only for middleware whose headers do not depend on the request (helmet with its default,
 * nonce-free configuration); fails if it does not call `next` synchronously or sets no header.
 */
export function recordHeadersOf(middleware: NodeMiddleware): [string, string][] {
  const headers = new Map<string, [string, string]>();
  const response = {
    setHeader(name: string, value: number | string | readonly string[]) {
      headers.set(name.toLowerCase(), [name, Array.isArray(value) ? value.join(', ') : String(value)]);
      return response;
    },
    removeHeader(name: string) {
      headers.delete(name.toLowerCase());
    },
    getHeader(name: string) {
      return headers.get(name.toLowerCase())?.[1];
    },
  };
  const request = { method: 'GET', url: '/', headers: {} };
  let passed = false;
  let failure: unknown;
  middleware(request as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    passed = true;
    failure = error;
  });
  if (!passed || failure !== undefined || headers.size === 0) {
    throw new Error('recordHeadersOf: the middleware must set headers and call next() synchronously');
  }
  return [...headers.values()];
}
