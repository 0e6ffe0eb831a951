import {
  HttpRequestError,
  InvalidParamsRpcError,
  LimitExceededRpcError,
  RpcRequestError,
  TimeoutError,
  UnknownRpcError,
} from 'viem';
import { rangeErrorHintOf } from './range-error.util';

const url = 'https://rpc.example';
const body = { method: 'eth_getLogs', params: [{ fromBlock: '0x1', toBlock: '0x2711' }] };
const rpcRequestError = (code: number, message: string): RpcRequestError =>
  new RpcRequestError({ body, error: { code, message }, url });

const alchemy =
  'Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range and no limit on ' +
  'the response size, or you can request any block range with a cap of 10K logs in the response. Based on ' +
  'your parameters, this block range should work: [0x1, 0x3e8]';

describe(rangeErrorHintOf.name, () => {
  it("reads Alchemy's suggested range through viem's wrappers", () => {
    expect(rangeErrorHintOf(new InvalidParamsRpcError(rpcRequestError(-32602, alchemy)))).toEqual({
      reason: 'suggested-range',
      suggested: { from: 1n, to: 1000n },
    });
  });

  it("reads Infura's suggested range when it offers one, else calls it too many results", () => {
    const withRange = 'query returned more than 10000 results. Try with this block range [0x10, 0x1F].';
    expect(rangeErrorHintOf(new LimitExceededRpcError(rpcRequestError(-32005, withRange)))).toEqual({
      reason: 'suggested-range',
      suggested: { from: 16n, to: 31n },
    });
    const bare = new LimitExceededRpcError(rpcRequestError(-32005, 'query returned more than 10000 results'));
    expect(rangeErrorHintOf(bare)).toEqual({ reason: 'too-many-results' });
  });

  it.each([
    ['eth_getLogs is limited to a 10,000 range', 10_000n],
    ['eth_getLogs is limited to a 1000 block range', 1_000n],
    ['eth_getLogs is limited to 50 blocks', 50n],
    ['exceed maximum block range: 5000', 5_000n],
    ['query exceeds max block range 100000', 100_000n],
    ['Block range too large: maximum allowed is 50 blocks', 50n],
    ['block range is too wide (maximum 1024)', 1_024n],
    ['please limit the query to at most 1000 blocks', 1_000n],
  ])('reads the stated cap in "%s"', (message, maxBlocks) => {
    expect(rangeErrorHintOf(new InvalidParamsRpcError(rpcRequestError(-32602, message)))).toEqual({
      reason: 'max-block-range',
      maxBlocks,
    });
  });

  it('reads the cap from an HTTP 413 whose body carries the JSON-RPC error (Base, QuickNode)', () => {
    const error = new HttpRequestError({
      url,
      body,
      status: 413,
      details: JSON.stringify({ code: -32614, message: 'eth_getLogs is limited to a 10,000 range' }),
    });
    expect(rangeErrorHintOf(error)).toEqual({ reason: 'max-block-range', maxBlocks: 10_000n });
  });

  it.each([
    ['block range is too large', 'range-too-large'],
    ['block range too large', 'range-too-large'],
    ['range limit exceeded', 'range-too-large'],
    ['Block range limit exceeded.', 'range-too-large'],
    ['Query timeout exceeded', 'query-timeout'],
    ['query exceeds max results', 'too-many-results'],
    ['backend response too large', 'response-too-large'],
    ['Response body size 12582912 exceeds the limit of 10485760 bytes', 'response-too-large'],
  ])('classifies "%s" as %s', (message, reason) => {
    expect(rangeErrorHintOf(new UnknownRpcError(rpcRequestError(-32000, message)))).toEqual({ reason });
  });

  it('recognises a body too large for one string, as viem 2.38 reports it from fetch', () => {
    const cause = new Error('Cannot create a string longer than 0x1fffffe8 characters');
    expect(rangeErrorHintOf(new HttpRequestError({ url, body, cause }))).toEqual({
      reason: 'response-too-large',
    });
  });

  it('recognises a body-size error class by its name', () => {
    const cause = Object.assign(new Error('too big'), { name: 'ResponseBodyTooLargeError' });
    expect(rangeErrorHintOf(new HttpRequestError({ url, body, cause }))).toEqual({
      reason: 'response-too-large',
    });
  });

  it("reads the provider's words through the app's own wrapping error", () => {
    const wrapped = new Error('eth_getLogs 0x1..0x2711 failed', {
      cause: { code: -32005, message: 'query returned more than 10000 results' },
    });
    expect(rangeErrorHintOf(wrapped)).toEqual({ reason: 'too-many-results' });
  });

  it('reads a raw JSON-RPC error object as well as an Error', () => {
    expect(rangeErrorHintOf({ code: -32005, message: 'query returned more than 10000 results' })).toEqual({
      reason: 'too-many-results',
    });
  });

  it("is undefined for the endpoint's own failures", () => {
    expect(rangeErrorHintOf(new TimeoutError({ body, url }))).toBeUndefined();
    expect(
      rangeErrorHintOf(new HttpRequestError({ url, body, status: 503, details: 'Service Unavailable' })),
    ).toBeUndefined();
    expect(
      rangeErrorHintOf(
        new InvalidParamsRpcError(
          rpcRequestError(-32602, 'invalid argument 0: hex string without 0x prefix'),
        ),
      ),
    ).toBeUndefined();
    expect(rangeErrorHintOf(undefined)).toBeUndefined();
  });
});
