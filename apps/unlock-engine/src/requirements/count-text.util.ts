/**
 * A count with its noun, plural unless the count is 1.
 *
 * @example
 * countText(1, 'vote') // '1 vote'
 * countText(3, 'Covenant NFT') // '3 Covenant NFTs'
 */
export function countText(count: number | bigint | string, noun: string): string {
  return `${count} ${String(count) === '1' ? noun : `${noun}s`}`;
}
