import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EndpointPool, WrongChainError } from './endpoint-pool';

/** A loopback JSON-RPC endpoint answering `eth_chainId` with `chainId` and counting every call. */
async function startEndpoint(chainId: number) {
  const calls: string[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const { id, method } = JSON.parse(body) as { id: number; method: string };
      calls.push(method);
      const result = method === 'eth_chainId' ? `0x${chainId.toString(16)}` : '0x10';
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ jsonrpc: '2.0', id, result }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, calls, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe(EndpointPool.name, () => {
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });
  const endpoint = async (chainId: number) => {
    const started = await startEndpoint(chainId);
    stops.push(started.stop);
    return started;
  };
  const at = new Date('2026-11-22T00:00:00Z');

  it('marks an endpoint of another chain down at start and serves every call from the right one', async () => {
    const [mainnet, local] = [await endpoint(1), await endpoint(31337)];
    const wrong: [string, number, number][] = [];
    const pool = new EndpointPool(
      [mainnet.url, local.url],
      () => at,
      { timeoutMs: 2_000, chainId: 31337 },
      { wrongChain: (url, expected, actual) => wrong.push([url, expected, actual]) },
    );
    await pool.checkChainIds();
    expect(wrong).toEqual([[mainnet.url, 31337, 1]]);
    expect(pool.snapshots()[0]!.tripped).toEqual({ reason: 'wrong-chain', at });
    expect(pool.snapshots()[1]!.tripped).toBeUndefined();

    await expect(pool.request('eth_blockNumber', [])).resolves.toBe('0x10');
    await pool.checkChainIds();
    expect(mainnet.calls).toEqual(['eth_chainId']);
    expect(local.calls).toEqual(['eth_chainId', 'eth_blockNumber']);
    expect(wrong).toHaveLength(1);
  });

  it('asks an endpoint it could not ask at start before its first call', async () => {
    const backup = await endpoint(31337);
    const down = 'http://127.0.0.1:9';
    const pool = new EndpointPool([down, backup.url], () => at, {
      timeoutMs: 2_000,
      chainId: 31337,
      policy: {
        windowMs: 60_000,
        maxErrorRate: 0.01,
        minSamples: 100,
        slowCallMs: 5_000,
        maxConsecutiveFailures: 1,
        recoverySuccesses: 3,
        probeIntervalMs: 60_000,
        maxSamples: 100,
      },
    });
    await pool.checkChainIds();
    expect(pool.snapshots()[0]!.tripped?.reason).toBe('consecutive-failures');
    await expect(pool.request('eth_blockNumber', [])).resolves.toBe('0x10');
    expect(backup.calls).toEqual(['eth_chainId', 'eth_blockNumber']);
  });

  it('refuses to call at all when no endpoint serves the chain, naming what they serve', async () => {
    const [a, b] = [await endpoint(1), await endpoint(10)];
    const pool = new EndpointPool([a.url, b.url], () => at, { timeoutMs: 2_000, chainId: 31337 });
    const call = pool.request('eth_blockNumber', []);
    await expect(call).rejects.toThrow(WrongChainError);
    await expect(call).rejects.toThrow('no RPC endpoint serves chain 31337: chain 1, chain 10');
    expect([...a.calls, ...b.calls]).not.toContain('eth_blockNumber');
  });
});
