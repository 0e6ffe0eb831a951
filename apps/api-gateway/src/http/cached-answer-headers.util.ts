import { createHash } from 'node:crypto';

/**
 * The Content-Type Express answers for a cached JSON answer (`res.type(...)` adds the charset), or
 * undefined for any other media type, which the fast path leaves to the full pipeline.
 */
export function jsonContentTypeOf(upstreamContentType: string): string | undefined {
  const type = upstreamContentType || 'application/json';
  if (!/^application\/json\s*(;|$)/i.test(type)) return undefined;
  return /;\s*charset=/i.test(type) ? type : 'application/json; charset=utf-8';
}

/**
 * The weak ETag Express 5 sends for a body (its default `etag fn`, the `etag` package): length in
 * hex and the first 27 base64 characters of the SHA-1, so a client's cached copy validates against
 * either path.
 */
export function weakEtagOf(body: Buffer): string {
  const hash = createHash('sha1').update(body).digest('base64').substring(0, 27);
  return `W/"${body.length.toString(16)}-${hash}"`;
}
