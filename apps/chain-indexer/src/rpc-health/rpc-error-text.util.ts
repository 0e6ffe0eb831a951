const MAX_CAUSE_DEPTH = 8;

/**
 * The provider's own words in an RPC error, one line per error down the `cause` chain: viem's
 * `details` (the JSON-RPC `error.message`, or the HTTP error body) where there is one, else the
 * plain `message`. viem's full `message` is skipped on purpose: it embeds the request body, whose
 * hex block numbers and topics would make the patterns that read this text match by accident.
 *
 * @example
 * rpcErrorTextOf(new InvalidParamsRpcError(rpcRequestError)) // 'query returned more than 10000 results'
 */
export function rpcErrorTextOf(error: unknown): string {
  const lines = causeChainOf(error)
    .map(ownWordsOf)
    .filter((line): line is string => line !== undefined);
  return [...new Set(lines)].join('\n');
}

/**
 * The errors of a `cause` chain, outermost first (viem wraps the JSON-RPC error two or three deep).
 *
 * @example
 * causeChainOf(new LimitExceededRpcError(rpcRequestError)).some((e) => e instanceof RpcRequestError) // true
 */
export function causeChainOf(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let node: unknown = error;
  for (let depth = 0; depth < MAX_CAUSE_DEPTH && node !== undefined && node !== null; depth++) {
    chain.push(node);
    node = typeof node === 'object' && 'cause' in node ? node.cause : undefined;
  }
  return chain;
}

function ownWordsOf(node: unknown): string | undefined {
  if (typeof node === 'string') return node;
  if (typeof node !== 'object' || node === null) return undefined;
  if ('details' in node && typeof node.details === 'string' && node.details !== '') return node.details;
  if ('message' in node && typeof node.message === 'string' && node.message !== '') return node.message;
  return undefined;
}
