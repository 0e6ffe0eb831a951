/**
 * The deterministic id of an EVM log event: the same log on the same block always gets the same id,
 * and the same log on a reorged block gets a new one.
 *
 * @example
 * evmLogEventId(1, '0xabc…', 7) // '1:0xabc…:7'
 */
export function evmLogEventId(chainId: number, blockHash: string, logIndex: number): string {
  return `${chainId}:${blockHash.toLowerCase()}:${logIndex}`;
}
