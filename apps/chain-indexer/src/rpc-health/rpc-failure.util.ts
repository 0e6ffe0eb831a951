import { HttpRequestError, TimeoutError } from 'viem';
import type { RpcFailureKind } from './endpoint-health.model';
import { causeChainOf, rpcErrorTextOf } from './rpc-error-text.util';

// Alchemy ("exceeded its compute units per second capacity"), Infura ("project ID request rate
// exceeded", "daily request count exceeded, request rate limited"), and the generic wordings.
const RATE_LIMITED = /rate.?limit|request rate exceeded|compute units per second|too many requests/i;
const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/**
 * How a failed RPC call counts against its endpoint. Checks viem's error classes down the `cause`
 * chain (viem wraps the transport error in an RpcError subclass), then HTTP status, then the
 * provider's words. Range errors ("more than 10000 results") are the request's fault: classify them
 * with `splitRangeOnError` first and do not record them against the endpoint.
 *
 * @example
 * rpcFailureKindOf(new HttpRequestError({ url, status: 429 })) // 'rate-limited'
 */
export function rpcFailureKindOf(error: unknown): RpcFailureKind {
  const chain = causeChainOf(error);
  if (chain.some(isTimeout)) return 'timeout';
  const http = chain.find((e): e is HttpRequestError => e instanceof HttpRequestError);
  if (http?.status === 429) return 'rate-limited';
  if (http?.status === 408) return 'timeout';
  if (http?.status !== undefined && http.status >= 500) return 'http-5xx';
  const rpcCode = chain.map(jsonRpcCodeOf).find((code) => code !== undefined);
  if (rpcCode === 429 || RATE_LIMITED.test(rpcErrorTextOf(error))) return 'rate-limited';
  if (http?.status !== undefined || rpcCode !== undefined) return 'rpc-error';
  // No HTTP status and no JSON-RPC error: the call got no answer (refused, reset, DNS, closed socket).
  return 'network';
}

/**
 * The `Retry-After` header of a failed call, when viem kept the response headers (HttpRequestError).
 *
 * @example
 * retryAfterMs(retryAfterHeaderOf(error), now)
 */
export function retryAfterHeaderOf(error: unknown): string | undefined {
  const http = causeChainOf(error).find((e): e is HttpRequestError => e instanceof HttpRequestError);
  return http?.headers?.get('retry-after') ?? undefined;
}

function isTimeout(e: unknown): boolean {
  if (e instanceof TimeoutError) return true;
  if (!(e instanceof Error)) return false;
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return true;
  return 'code' in e && typeof e.code === 'string' && TIMEOUT_CODES.has(e.code);
}

// viem's RpcError subclasses and raw `{ code, message }` objects carry the JSON-RPC code; viem's
// UnknownRpcError uses -1 for "no code", and Node's system errors use string codes.
function jsonRpcCodeOf(e: unknown): number | undefined {
  if (typeof e !== 'object' || e === null || !('code' in e) || typeof e.code !== 'number') return undefined;
  return e.code === -1 ? undefined : e.code;
}
