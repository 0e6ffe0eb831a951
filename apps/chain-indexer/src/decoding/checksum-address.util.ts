import { type Address, getAddress } from 'viem';

// Addresses repeat from log to log (the emitting contracts, a token's busy holders); viem's own cache
// is an LRU keyed per chain id whose bookkeeping costs more than a plain map hit.
const checksummed = new Map<string, Address>();
const MAX_CACHED = 10_000;

/**
 * `getAddress(address)` (EIP-55 checksum; throws on a malformed address), remembered for the next
 * log that carries the same spelling. Bounded: the cache starts over when full.
 *
 * @example
 * checksummedAddressOf('0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266') // '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266'
 */
export function checksummedAddressOf(address: string): Address {
  let result = checksummed.get(address);
  if (result === undefined) {
    result = getAddress(address);
    if (checksummed.size >= MAX_CACHED) checksummed.clear();
    checksummed.set(address, result);
  }
  return result;
}
