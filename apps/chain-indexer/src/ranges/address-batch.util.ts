/**
 * The watched addresses in batches of at most `maxPerCall` for `eth_getLogs`' `address` filter,
 * without duplicates (compared case-insensitively, first spelling kept). No addresses give no
 * batches: an `eth_getLogs` without an address filter would return every contract's logs.
 *
 * @example
 * batchAddresses(['0xA…', '0xB…', '0xC…'], 2) // [['0xA…', '0xB…'], ['0xC…']]
 */
export function batchAddresses<TAddress extends string>(
  addresses: readonly TAddress[],
  maxPerCall: number,
): TAddress[][] {
  if (!Number.isInteger(maxPerCall) || maxPerCall < 1) {
    throw new RangeError(`maxPerCall must be a positive integer, got ${maxPerCall}`);
  }
  const seen = new Set<string>();
  const unique = addresses.filter((address) => {
    const key = address.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const batches: TAddress[][] = [];
  for (let i = 0; i < unique.length; i += maxPerCall) batches.push(unique.slice(i, i + maxPerCall));
  return batches;
}
