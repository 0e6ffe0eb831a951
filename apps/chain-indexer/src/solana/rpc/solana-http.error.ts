/**
 * A Solana RPC endpoint answered with a non-2xx HTTP status. Thrown by the pool's fetch wrapper so
 * the status and `Retry-After` reach the health tracking (web3.js would fold them into a string).
 */
export class SolanaHttpError extends Error {
  override readonly name = 'SolanaHttpError';

  constructor(
    readonly status: number,
    readonly retryAfter: string | null,
    body: string,
  ) {
    super(`${status}: ${body.slice(0, 200)}`);
  }
}
