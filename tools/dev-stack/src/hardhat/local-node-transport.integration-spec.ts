import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchAgainOnClosedSocket } from './local-node-transport';

/** A loopback server that drops the connection of the first `drops` requests without answering. */
async function flakyServer(drops: number): Promise<{ url: string; requests: () => number; server: Server }> {
  let requests = 0;
  const server = createServer((request, response) => {
    requests += 1;
    if (requests <= drops) return void request.socket.destroy();
    response.end('{"jsonrpc":"2.0","id":1,"result":"0x1"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests: () => requests, server };
}

describe('fetchAgainOnClosedSocket', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
  });

  it('sends a request again once when the server closed the socket before answering', async () => {
    const flaky = await flakyServer(1);
    servers.push(flaky.server);
    const response = await fetchAgainOnClosedSocket(flaky.url, { method: 'POST', body: '{}' });
    expect(await response.json()).toEqual({ jsonrpc: '2.0', id: 1, result: '0x1' });
    expect(flaky.requests()).toBe(2);
  });

  it('gives up after the second closed socket, and never retries other failures', async () => {
    const flaky = await flakyServer(5);
    servers.push(flaky.server);
    await expect(fetchAgainOnClosedSocket(flaky.url, { method: 'POST', body: '{}' })).rejects.toThrow(
      'fetch failed',
    );
    expect(flaky.requests()).toBe(2);

    const closed = await flakyServer(0);
    await new Promise((resolve) => closed.server.close(resolve));
    await expect(fetchAgainOnClosedSocket(closed.url)).rejects.toMatchObject({
      cause: { code: 'ECONNREFUSED' },
    });
  });
});
