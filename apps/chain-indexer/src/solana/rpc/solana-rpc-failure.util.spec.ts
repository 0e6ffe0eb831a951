import { SolanaJSONRPCError } from '@solana/web3.js';
import { SolanaHttpError } from './solana-http.error';
import { retryAfterOf, solanaFailureKindOf } from './solana-rpc-failure.util';

describe(solanaFailureKindOf.name, () => {
  it('reads HTTP statuses', () => {
    expect(solanaFailureKindOf(new SolanaHttpError(429, '3', 'slow down'))).toBe('rate-limited');
    expect(solanaFailureKindOf(new SolanaHttpError(503, null, ''))).toBe('http-5xx');
    expect(solanaFailureKindOf(new SolanaHttpError(408, null, ''))).toBe('timeout');
    expect(solanaFailureKindOf(new SolanaHttpError(403, null, 'forbidden'))).toBe('rpc-error');
  });

  it('treats our abort and socket timeouts as timeouts, down the cause chain', () => {
    expect(solanaFailureKindOf(new DOMException('signal timed out', 'TimeoutError'))).toBe('timeout');
    expect(
      solanaFailureKindOf(
        new TypeError('fetch failed', {
          cause: Object.assign(new Error('x'), { code: 'UND_ERR_HEADERS_TIMEOUT' }),
        }),
      ),
    ).toBe('timeout');
  });

  it("reads web3.js' JSON-RPC errors as rpc errors", () => {
    const error = new SolanaJSONRPCError(
      { code: -32005, message: 'Node is behind by 42 slots' },
      'failed to get slot',
    );
    expect(solanaFailureKindOf(error)).toBe('rpc-error');
  });

  it('takes anything else (refused, reset) for a network failure', () => {
    const reset = new TypeError('fetch failed', {
      cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
    });
    expect(solanaFailureKindOf(reset)).toBe('network');
  });
});

describe(retryAfterOf.name, () => {
  it('finds the header value of a rate-limited answer, wrapped or not', () => {
    expect(retryAfterOf(new Error('wrapped', { cause: new SolanaHttpError(429, '7', '') }))).toBe('7');
    expect(retryAfterOf(new SolanaHttpError(500, null, ''))).toBeUndefined();
  });
});
