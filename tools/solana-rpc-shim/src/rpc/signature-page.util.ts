import { JsonRpcError } from './json-rpc.error';

/** The largest `limit` getSignaturesForAddress accepts, as on mainnet nodes. */
export const MAX_SIGNATURES_LIMIT = 1_000;

export interface SignaturePageParams {
  readonly before?: string;
  readonly until?: string;
  readonly limit?: number;
}

/**
 * One page of a newest-first signature list: starting after `before` (exclusive), stopping at
 * `until` (exclusive), at most `limit` (default and maximum 1000). A `before` or `until` not in the
 * list is ignored, as validators do for signatures they do not know.
 *
 * @example
 * signaturePageOf(['c', 'b', 'a'], (s) => s, { before: 'c', limit: 1 }) // ['b']
 */
export function signaturePageOf<T>(
  newestFirst: readonly T[],
  signatureOf: (item: T) => string,
  params: SignaturePageParams,
): T[] {
  const limit = params.limit ?? MAX_SIGNATURES_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SIGNATURES_LIMIT) {
    throw JsonRpcError.invalidParams(`Invalid limit; max ${MAX_SIGNATURES_LIMIT}`);
  }
  let start = 0;
  if (params.before !== undefined) {
    const at = newestFirst.findIndex((item) => signatureOf(item) === params.before);
    if (at !== -1) start = at + 1;
  }
  let end = newestFirst.length;
  if (params.until !== undefined) {
    const at = newestFirst.findIndex((item) => signatureOf(item) === params.until);
    if (at !== -1) end = at;
  }
  return newestFirst.slice(start, Math.max(start, Math.min(end, start + limit)));
}
