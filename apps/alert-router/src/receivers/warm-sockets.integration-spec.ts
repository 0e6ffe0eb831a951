import { Agent, type Server, createServer, request } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WarmSockets } from './warm-sockets.util';

/** A loopback server that counts the connections it accepted and answers every request 200. */
async function startCountingServer() {
  const connections: Socket[] = [];
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end('ok'));
  });
  server.on('connection', (socket: Socket) => connections.push(socket));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    connections,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((done) => server.close(() => done()));
    },
  };
}

const until = async (condition: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((done) => setTimeout(done, 10));
  expect(condition()).toBe(true);
};

function get(agent: Agent, port: number): Promise<{ status: number; reusedSocket: boolean }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, reusedSocket: req.reusedSocket }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe(WarmSockets.name, () => {
  let server: Awaited<ReturnType<typeof startCountingServer>>;
  let agent: Agent;
  let warm: WarmSockets;

  beforeEach(async () => {
    server = await startCountingServer();
    agent = new Agent({ keepAlive: true, maxSockets: 2, timeout: 4_000 });
    warm = new WarmSockets(agent, { maxSocketsPerHost: 2, idleTimeoutMs: 4_000 });
  });
  afterEach(async () => {
    warm.close();
    agent.destroy();
    await server.close();
  });

  it('hands a connection opened ahead to the next request, which then opens none itself', async () => {
    warm.open({ host: '127.0.0.1', port: server.port }, 5_000);
    await until(() => server.connections.length === 1);
    expect(await get(agent, server.port)).toEqual({ status: 200, reusedSocket: false });
    expect(server.connections).toHaveLength(1);
    // Back in the agent's keep-alive pool afterwards, like any socket it opened.
    expect(agent.freeSockets[agent.getName({ host: '127.0.0.1', port: server.port })]).toHaveLength(1);
  });

  it('opens no more than the host limit, counting the agent`s own sockets', async () => {
    await get(agent, server.port);
    for (let i = 0; i < 3; i++) warm.open({ host: '127.0.0.1', port: server.port }, 5_000);
    await until(() => server.connections.length === 2);
    await new Promise((done) => setTimeout(done, 50));
    expect(server.connections).toHaveLength(2);
  });

  it('drops a waiting connection the server closed, and the request opens a new one', async () => {
    warm.open({ host: '127.0.0.1', port: server.port }, 5_000);
    await until(() => server.connections.length === 1);
    server.connections[0]!.destroy();
    await new Promise((done) => setTimeout(done, 50));
    expect(await get(agent, server.port)).toMatchObject({ status: 200 });
    expect(server.connections).toHaveLength(2);
  });

  it('closes a waiting connection no request took within its time', async () => {
    warm.open({ host: '127.0.0.1', port: server.port }, 50);
    await until(() => server.connections.length === 1);
    await until(() => server.connections[0]!.destroyed);
    expect(await get(agent, server.port)).toMatchObject({ status: 200 });
    expect(server.connections).toHaveLength(2);
  });
});
