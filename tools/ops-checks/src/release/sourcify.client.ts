/** Sourcify's public server (verified-contract repository); overridable for other instances. */
export const SOURCIFY_URL = 'https://sourcify.dev/server';

/** Sourcify APIv2's match levels; `null` when a lookup found no verified contract. */
export type SourcifyMatch = 'exact_match' | 'match' | null;

/**
 * Sourcify APIv2 lookups (`GET /v2/contract/{chainId}/{address}`): whether a contract's source is
 * verified. The one place the release tooling talks to Sourcify.
 */
export class SourcifyClient {
  constructor(
    private readonly baseUrl: string = SOURCIFY_URL,
    private readonly timeoutMs = 10_000,
  ) {}

  /** The overall match of the contract, or null when Sourcify does not know it (404). */
  async matchOf(chainId: number, address: string): Promise<SourcifyMatch> {
    const url = `${this.baseUrl.replace(/\/$/, '')}/v2/contract/${chainId}/${address}`;
    const response = await fetch(url, {
      signal: AbortSignal.timeout(this.timeoutMs),
      headers: { accept: 'application/json' },
    });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`Sourcify answered ${response.status} for ${url}`);
    const body = (await response.json()) as { match?: SourcifyMatch };
    return body.match ?? null;
  }
}
