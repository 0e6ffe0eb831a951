/**
 * An RPC URL as it may appear in metrics, logs and the admin API: priority index and host only,
 * since providers put API keys in the path or query (`…/v2/<key>`).
 *
 * @example
 * endpointLabelOf('https://eth-mainnet.g.alchemy.com/v2/SECRET', 0) // '0:eth-mainnet.g.alchemy.com'
 */
export function endpointLabelOf(url: string, index: number): string {
  try {
    return `${index}:${new URL(url).host}`;
  } catch {
    return `${index}:invalid-url`;
  }
}
