import { causeChainOf, rpcErrorTextOf } from '../rpc-health/rpc-error-text.util';
import type { BlockRange } from './block-range.model';

/** Why a provider refused an `eth_getLogs` range; every reason means "ask for fewer blocks". */
export type RangeErrorReason =
  | 'suggested-range'
  | 'max-block-range'
  | 'too-many-results'
  | 'range-too-large'
  | 'query-timeout'
  | 'response-too-large';

export type RangeErrorHint =
  | { readonly reason: 'suggested-range'; readonly suggested: BlockRange }
  | { readonly reason: 'max-block-range'; readonly maxBlocks: bigint }
  | { readonly reason: Exclude<RangeErrorReason, 'suggested-range' | 'max-block-range'> };

// Alchemy ("… this block range should work: [0x…, 0x…]") and Infura ("… Try with this block range [0x…, 0x…].").
const SUGGESTED_RANGE = /block range(?: should work:)? \[(0x[0-9a-f]+),\s*(0x[0-9a-f]+)\]/i;

// Providers that state their cap; the number is read as a count of blocks, both ends included,
// which is safe for those that count `to - from` as well.
const MAX_BLOCKS: readonly RegExp[] = [
  /limited to (?:a )?([\d,]+) (?:block )?range/i, // QuickNode, Base, 1RPC: "eth_getLogs is limited to a 10,000 range"
  /limited to ([\d,]+) blocks?/i, // BlockPI, "eth_getLogs is limited to 50 blocks"
  /exceeds? (?:the )?max(?:imum)? block range:? ?([\d,]+)/i, // "exceed maximum block range: 5000", Tron, Hyperliquid
  /maximum allowed is ([\d,]+) blocks/i, // "Block range too large: maximum allowed is 50 blocks"
  /maximum block range: ([\d,]+)/i, // PublicNode
  /block range is too wide \(maximum ([\d,]+)\)/i, // Moonbeam
  /ranges over ([\d,]+) blocks are not supported/i,
  /limit the query to at most ([\d,]+) blocks/i, // Coinbase
  /Max range: ([\d,]+)/, // Cloudflare
];

const TOO_MANY_RESULTS: readonly RegExp[] = [
  /returned more than [\d,]+ results/i, // Infura, zkEVM: "query returned more than 10000 results"
  /Log response size exceeded/i, // Alchemy, when it offers no range
  /query exceeds max results/i, // Ankr, LlamaRPC
  /logs matched by query exceeds limit/i, // Arbitrum
];

const RANGE_TOO_LARGE: readonly RegExp[] = [
  /block range (?:is )?too (?:large|wide)/i, // "block range is too large", Base, Optimism, Ankr
  /range limit exceeded/i, // Ankr, Chainstack ("Block range limit exceeded.")
  /range threshold exceeded/i, // eRPC, Validation Cloud
  /getLogs range is too large/i,
];

const QUERY_TIMEOUT = /query timeout exceeded/i; // QuickNode and geth-based nodes cut long log scans

const RESPONSE_TOO_LARGE: readonly RegExp[] = [
  /response body (?:size )?.*exceed/i, // "Response body size … exceeds", from fetch wrappers with a body cap
  /backend response too large/i, // Optimism
  /response size should not greater than/i, // 1RPC
  // viem 2.38 has no body-size limit of its own: a body too large for one JS string fails in
  // `response.json()`/`text()` with V8's errors, which viem wraps in an HttpRequestError.
  /Cannot create a string longer than/i,
  /Invalid string length/i,
];

/**
 * What an `eth_getLogs` failure says about the block range, or undefined when it is not about the
 * range (then it is the endpoint's failure: retry, back off or fail over). Reads the provider's
 * words through viem's wrappers (`rpcErrorTextOf`), so the same error raw or wrapped classifies alike.
 *
 * @example
 * rangeErrorHintOf(new Error('eth_getLogs is limited to a 10,000 range')) // { reason: 'max-block-range', maxBlocks: 10000n }
 */
export function rangeErrorHintOf(error: unknown): RangeErrorHint | undefined {
  const text = rpcErrorTextOf(error);
  const suggested = SUGGESTED_RANGE.exec(text);
  if (suggested) {
    return { reason: 'suggested-range', suggested: { from: BigInt(suggested[1]), to: BigInt(suggested[2]) } };
  }
  for (const pattern of MAX_BLOCKS) {
    const match = pattern.exec(text);
    if (match) return { reason: 'max-block-range', maxBlocks: BigInt(match[1].replace(/,/g, '')) };
  }
  if (TOO_MANY_RESULTS.some((p) => p.test(text))) return { reason: 'too-many-results' };
  if (RANGE_TOO_LARGE.some((p) => p.test(text))) return { reason: 'range-too-large' };
  if (QUERY_TIMEOUT.test(text)) return { reason: 'query-timeout' };
  if (isResponseTooLarge(error, text)) return { reason: 'response-too-large' };
  return undefined;
}

function isResponseTooLarge(error: unknown, text: string): boolean {
  // Matched by name, not class: no viem version installed here exports a body-size error class.
  const named = causeChainOf(error).some(
    (e) => e instanceof Error && /^Response(?:Body)?(?:Size)?TooLargeError$/.test(e.name),
  );
  return named || RESPONSE_TOO_LARGE.some((p) => p.test(text));
}
