/** An inclusive span of block numbers, as `eth_getLogs` takes it (`fromBlock`..`toBlock`). */
export interface BlockRange {
  readonly from: bigint;
  readonly to: bigint;
}

/**
 * How many blocks a range covers, both ends included.
 *
 * @example
 * blockCountOf({ from: 10n, to: 19n }) // 10n
 */
export function blockCountOf(range: BlockRange): bigint {
  return range.to - range.from + 1n;
}
