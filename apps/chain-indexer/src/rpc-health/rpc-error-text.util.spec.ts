import { InvalidParamsRpcError, RpcRequestError } from 'viem';
import { causeChainOf, rpcErrorTextOf } from './rpc-error-text.util';

const request = new RpcRequestError({
  body: { method: 'eth_getLogs', params: [{ fromBlock: '0x1', toBlock: '0x2' }] },
  error: { code: -32602, message: 'query returned more than 10000 results' },
  url: 'https://rpc.example',
});

describe(rpcErrorTextOf.name, () => {
  it("gives the provider's message once, without viem's request body", () => {
    const text = rpcErrorTextOf(new InvalidParamsRpcError(request));
    expect(text).toBe('query returned more than 10000 results');
    expect(new InvalidParamsRpcError(request).message).toContain('Request body');
  });

  it('reads plain errors, raw JSON-RPC objects and strings', () => {
    expect(rpcErrorTextOf(new Error('boom', { cause: { code: 1, message: 'inner' } }))).toBe('boom\ninner');
    expect(rpcErrorTextOf('bare')).toBe('bare');
    expect(rpcErrorTextOf(undefined)).toBe('');
  });
});

describe(causeChainOf.name, () => {
  it('lists the errors outermost first and stops at a cycle bound', () => {
    const inner = new Error('inner');
    expect(causeChainOf(new Error('outer', { cause: inner }))[1]).toBe(inner);
    const cyclic: { cause?: unknown } = {};
    cyclic.cause = cyclic;
    expect(causeChainOf(cyclic)).toHaveLength(8);
  });
});
