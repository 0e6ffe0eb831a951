import { http, type HttpTransport } from 'viem';

/**
 * viem's http transport for a local dev node (Hardhat): no retries — a local node answers or it does
 * not, and retrying reverts (JSON-RPC -32603) only adds ~1 s per failure — except for one race.
 * Hardhat's HTTP server closes a keep-alive socket after 5 s idle; a request written to it at that
 * moment fails with undici's "other side closed" (UND_ERR_SOCKET) before the node read it, so it is
 * sent once more on a fresh socket. Any other failure, and a second one, is the caller's.
 *
 * @example
 * createPublicClient({ chain, transport: localNodeTransport(node.rpcUrl) });
 */
export function localNodeTransport(rpcUrl: string): HttpTransport {
  return http(rpcUrl, { retryCount: 0, fetchFn: fetchAgainOnClosedSocket });
}

/** `fetch`, sent once more when the first attempt's pooled socket was closed by the server. */
export async function fetchAgainOnClosedSocket(
  input: string | URL | Request,
  init?: RequestInit,
): Promise<Response> {
  try {
    return await fetch(input, init);
  } catch (error) {
    if (!closedBeforeAnswer(error)) throw error;
    return fetch(input, init);
  }
}

// By the cause's code, not `instanceof TypeError`: fetch's errors come from Node's own realm, which
// is not Jest's.
function closedBeforeAnswer(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  return cause?.code === 'UND_ERR_SOCKET';
}
