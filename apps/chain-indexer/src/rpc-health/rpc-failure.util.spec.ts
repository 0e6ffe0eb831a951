import {
  HttpRequestError,
  InternalRpcError,
  LimitExceededRpcError,
  RpcRequestError,
  SocketClosedError,
  TimeoutError,
  UnknownRpcError,
} from 'viem';
import { retryAfterHeaderOf, rpcFailureKindOf } from './rpc-failure.util';

const url = 'https://rpc.example';
const body = { method: 'eth_blockNumber' };
const rpcRequestError = (code: number, message: string) =>
  new RpcRequestError({ body, error: { code, message }, url });
const alchemy429 =
  'Your app has exceeded its compute units per second capacity. If you have retries enabled, you can safely ' +
  'ignore this message. If not, check out https://docs.alchemy.com/reference/throughput';

describe(rpcFailureKindOf.name, () => {
  it("classifies viem's TimeoutError and Node's timeout codes as timeouts", () => {
    expect(rpcFailureKindOf(new TimeoutError({ body, url }))).toBe('timeout');
    const connectTimeout = Object.assign(new Error('Connect Timeout Error'), {
      code: 'UND_ERR_CONNECT_TIMEOUT',
    });
    expect(rpcFailureKindOf(new HttpRequestError({ url, body, cause: connectTimeout }))).toBe('timeout');
  });

  it('classifies HTTP 429 as rate-limited and 5xx as http-5xx', () => {
    expect(rpcFailureKindOf(new HttpRequestError({ url, body, status: 429, details: alchemy429 }))).toBe(
      'rate-limited',
    );
    expect(rpcFailureKindOf(new HttpRequestError({ url, body, status: 502, details: 'Bad Gateway' }))).toBe(
      'http-5xx',
    );
  });

  it('classifies rate limits sent as JSON-RPC errors (Alchemy code 429, Infura -32005)', () => {
    expect(rpcFailureKindOf(rpcRequestError(429, alchemy429))).toBe('rate-limited');
    const infura = new LimitExceededRpcError(rpcRequestError(-32005, 'project ID request rate exceeded'));
    expect(rpcFailureKindOf(infura)).toBe('rate-limited');
  });

  it('classifies a JSON-RPC error with code 429 as rate-limited whatever its wording', () => {
    expect(rpcFailureKindOf(rpcRequestError(429, 'slow down'))).toBe('rate-limited');
  });

  it('classifies other JSON-RPC errors as rpc-error', () => {
    expect(rpcFailureKindOf(new InternalRpcError(rpcRequestError(-32603, 'internal error')))).toBe(
      'rpc-error',
    );
    expect(rpcFailureKindOf({ code: -32000, message: 'header not found' })).toBe('rpc-error');
  });

  it('classifies a call that got no answer as network', () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    expect(rpcFailureKindOf(new HttpRequestError({ url, body, cause: refused }))).toBe('network');
    expect(rpcFailureKindOf(new SocketClosedError({ url }))).toBe('network');
    expect(rpcFailureKindOf(new UnknownRpcError(new Error('socket hang up')))).toBe('network');
  });
});

describe(retryAfterHeaderOf.name, () => {
  it('reads Retry-After from the HTTP error viem wrapped', () => {
    const http = new HttpRequestError({
      url,
      body,
      status: 429,
      headers: new Headers({ 'Retry-After': '7' }),
    });
    expect(retryAfterHeaderOf(new UnknownRpcError(http))).toBe('7');
  });

  it('is undefined without headers', () => {
    expect(retryAfterHeaderOf(rpcRequestError(429, alchemy429))).toBeUndefined();
  });
});
