import { EventProducer, MessagingMetrics, createKafkaClient } from '@convergence/messaging';
import { eventually } from '@convergence/messaging/testing';
import { createEnvelope, topics } from '@convergence/schemas';
import { Registry } from 'prom-client';
import { type Socket, io } from 'socket.io-client';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { type GatewayUnderTest, SIWE_DOMAIN, startGateway } from '../testing/gateway.process';
import { type Tokens, bearer, signIn } from '../testing/sign-in';

describe('api-gateway live updates and cache', () => {
  const viewer = privateKeyToAccount(generatePrivateKey());
  const operator = privateKeyToAccount(generatePrivateKey());
  const kafka = createKafkaClient({
    serviceName: 'test',
    brokers: (process.env['KAFKA_BROKERS'] ?? '').split(','),
    topicPartitions: 1,
    replicationFactor: 1,
  });
  const producer = new EventProducer(kafka, new MessagingMetrics(new Registry()));
  let gw: GatewayUnderTest;
  let viewerTokens: Tokens;
  let operatorTokens: Tokens;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    gw = await startGateway({ OPERATOR_WALLETS: operator.address, CACHE_TTL_MS: '600000' });
    viewerTokens = await signIn(gw.url, viewer, SIWE_DOMAIN);
    operatorTokens = await signIn(gw.url, operator, SIWE_DOMAIN);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await producer.disconnect();
    await gw?.stop();
  });

  async function connect(auth: Record<string, string>): Promise<Socket> {
    const socket = io(`${gw.url}/live`, { auth, transports: ['websocket'], reconnection: false });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    return socket;
  }
  const subscribe = (socket: Socket, body: unknown) =>
    socket.emitWithAck('subscribe', body) as Promise<{ ok: boolean; room?: string; error?: string }>;
  const next = (
    socket: Socket,
    event: string,
    accept: (payload: { data: Record<string, unknown> }) => boolean,
  ) =>
    new Promise<{ id: string; data: Record<string, unknown> }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${event} within 30 s`)), 30_000);
      const listener = (payload: { id: string; data: Record<string, unknown> }) => {
        if (!accept(payload)) return;
        clearTimeout(timer);
        socket.off(event, listener);
        resolve(payload);
      };
      socket.on(event, listener);
    });

  it('pushes an unlock from Kafka to the client subscribed to its wallet', async () => {
    const socket = await connect({ token: viewerTokens.accessToken });
    const wallet = viewerTokens.wallet;
    expect(await subscribe(socket, { wallet })).toEqual({ ok: true, room: `wallet:${wallet}` });
    const received = next(socket, 'unlock.achieved.v1', (p) => p.data['wallet'] === wallet);
    const envelope = createEnvelope(topics.unlockAchieved, {
      source: 'unlock-engine',
      data: {
        wallet,
        unlockId: 'first-steps',
        unlockVersion: 1,
        achievedAt: new Date().toISOString(),
        provisional: false,
      },
    });
    await producer.publish(topics.unlockAchieved, envelope);
    expect(await received).toMatchObject({ id: envelope.id, data: { unlockId: 'first-steps' } });
  });

  it('refuses a connection without a token, and the alert topic to viewers', async () => {
    await expect(connect({})).rejects.toThrow('connect with auth');
    const socket = await connect({ token: viewerTokens.accessToken });
    expect(await subscribe(socket, { topic: 'alerts.notification.v1' })).toEqual({
      ok: false,
      error: 'topic alerts.notification.v1 needs an operator token',
    });
    expect(await subscribe(socket, { topic: 'chain.evm.log.v1' })).toMatchObject({ ok: false });
  });

  it('pushes alert notifications to operators', async () => {
    const socket = await connect({ token: operatorTokens.accessToken });
    expect(await subscribe(socket, { topic: 'alerts.notification.v1' })).toMatchObject({ ok: true });
    const groupKey = `{}:{run="${Date.now()}"}`;
    const received = next(socket, 'alerts.notification.v1', (p) => p.data['groupKey'] === groupKey);
    await producer.publish(
      topics.alertsNotification,
      createEnvelope(topics.alertsNotification, {
        source: 'alert-router',
        data: {
          groupKey,
          receiver: 'ops',
          integration: 'slack',
          integrationIndex: 0,
          kind: 'notification',
          status: 'firing',
          fingerprints: ['0123456789abcdef'],
          success: true,
          attempt: 1,
          sentAt: new Date().toISOString(),
        },
      }),
    );
    expect((await received).data['receiver']).toBe('ops');
  });

  it('serves eligibility from cache until an unlock event for the wallet invalidates it', async () => {
    const wallet = privateKeyToAccount(generatePrivateKey()).address.toLowerCase();
    const stub = gw.stubs['unlock-engine'];
    let version = 1;
    stub.answer(() => ({ status: 200, body: { wallet, version } }));
    const eligibility = async () => {
      const response = await fetch(`${gw.url}/api/unlocks/eligibility?address=${wallet}`, {
        headers: bearer(viewerTokens),
      });
      return { cache: response.headers.get('x-cache'), body: (await response.json()) as { version: number } };
    };
    expect(await eligibility()).toEqual({ cache: 'miss', body: { wallet, version: 1 } });
    version = 2;
    expect(await eligibility()).toEqual({ cache: 'hit', body: { wallet, version: 1 } });

    await producer.publish(
      topics.unlockAchieved,
      createEnvelope(topics.unlockAchieved, {
        source: 'unlock-engine',
        data: {
          wallet,
          unlockId: 'gold',
          unlockVersion: 1,
          achievedAt: new Date().toISOString(),
          provisional: false,
        },
      }),
    );
    const fresh = await eventually(async () => {
      const answer = await eligibility();
      return answer.body.version === 2 ? answer : undefined;
    });
    expect(fresh.cache).toBe('miss');
  });
});
