import type { RpcFailureKind } from '../../rpc-health/endpoint-health.model';
import { SolanaHttpError } from './solana-http.error';

const MAX_CAUSES = 8;

/**
 * How a failed Solana RPC call counts against its endpoint: timeouts (our abort or the socket's),
 * HTTP 429 / 408 / 5xx, JSON-RPC errors (web3.js' SolanaJSONRPCError and its `code`), and anything
 * else — refused, reset, closed keep-alive socket — as a network failure.
 *
 * @example
 * solanaFailureKindOf(new SolanaHttpError(429, '2', '')) // 'rate-limited'
 */
export function solanaFailureKindOf(error: unknown): RpcFailureKind {
  const chain = causesOf(error);
  if (chain.some(isTimeout)) return 'timeout';
  const http = chain.find((e): e is SolanaHttpError => e instanceof SolanaHttpError);
  if (http?.status === 429) return 'rate-limited';
  if (http?.status === 408) return 'timeout';
  if (http && http.status >= 500) return 'http-5xx';
  if (http) return 'rpc-error';
  if (chain.some(isJsonRpcError)) return 'rpc-error';
  return 'network';
}

/** The `Retry-After` header of a rate-limited (or 503) answer, if the endpoint sent one. */
export function retryAfterOf(error: unknown): string | undefined {
  const http = causesOf(error).find((e): e is SolanaHttpError => e instanceof SolanaHttpError);
  return http?.retryAfter ?? undefined;
}

function causesOf(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = error; e !== undefined && e !== null && chain.length < MAX_CAUSES; ) {
    chain.push(e);
    e = typeof e === 'object' && 'cause' in e ? (e as { cause?: unknown }).cause : undefined;
  }
  return chain;
}

// DOMException (AbortSignal.timeout's reason) is not an Error subclass in every realm: read its name.
function isTimeout(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { name, code } = e as { name?: unknown; code?: unknown };
  if (name === 'TimeoutError' || name === 'AbortError') return true;
  return code === 'ETIMEDOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT';
}

// web3.js' SolanaJSONRPCError carries the JSON-RPC error code (a number); Node system errors use strings.
function isJsonRpcError(e: unknown): boolean {
  return (
    e instanceof Error &&
    e.name === 'SolanaJSONRPCError' &&
    typeof (e as { code?: unknown }).code === 'number'
  );
}
