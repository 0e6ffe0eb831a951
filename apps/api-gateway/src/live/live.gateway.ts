import { Inject, Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { GATEWAY_ENV, type GatewayEnv } from '../config/gateway-config';
import { ApiKeyService } from '../identity/api-keys/api-key.service';
import { AccessTokenService } from '../identity/tokens/access-token.service';
import { GatewayMetrics } from '../metrics/gateway.metrics';
import type { Role } from '../routes/route.model';
import { roomOf, subscriptionSchema } from './live-rooms.util';

interface LiveSocketData {
  role: Role;
  who: string;
}

/**
 * Socket.IO namespace `/live`: a client connects with `auth: { token }` (an access token) or
 * `auth: { apiKey }`, then emits `subscribe` with `{ wallet }`, `{ market }` or `{ topic }` and
 * receives each matching Kafka event as an event named after its topic. WebSocket transport only.
 */
@WebSocketGateway({ namespace: '/live', transports: ['websocket'] })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(LiveGateway.name);
  @WebSocketServer() private readonly server!: Namespace;

  constructor(
    private readonly tokens: AccessTokenService,
    private readonly keys: ApiKeyService,
    private readonly metrics: GatewayMetrics,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
  ) {}

  afterInit(server: Namespace): void {
    // Middleware runs before `connection`, so no message is handled for an unauthenticated socket.
    server.use((socket, next) => {
      this.authenticate(socket).then(
        (data) => {
          socket.data = data;
          next();
        },
        (error: Error) => next(error),
      );
    });
  }

  handleConnection(socket: Socket): void {
    this.metrics.liveConnections.inc();
    this.logger.debug({ msg: 'live client connected', who: (socket.data as LiveSocketData).who });
  }

  handleDisconnect(): void {
    this.metrics.liveConnections.dec();
  }

  @SubscribeMessage('subscribe')
  async subscribe(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    const parsed = subscriptionSchema.safeParse(body);
    if (!parsed.success) {
      return {
        ok: false,
        error: 'subscribe with { wallet }, { market: "chainId:marketId" } or { topic } (a live topic)',
      };
    }
    const target = roomOf(parsed.data, (socket.data as LiveSocketData).role);
    if ('error' in target) return { ok: false, error: target.error };
    await socket.join(target.room);
    return { ok: true, room: target.room };
  }

  @SubscribeMessage('unsubscribe')
  async unsubscribe(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    const parsed = subscriptionSchema.safeParse(body);
    if (!parsed.success) return { ok: false, error: 'not a subscription' };
    const target = roomOf(parsed.data, 'admin');
    if ('room' in target) await socket.leave(target.room);
    return { ok: true };
  }

  /** Sends an event to everyone in any of the rooms (once per client). */
  push(rooms: string[], event: string, payload: unknown): void {
    this.server.to(rooms).emit(event, payload);
  }

  private async authenticate(socket: Socket): Promise<LiveSocketData> {
    const origin = socket.handshake.headers.origin;
    const allowed = this.env.CORS_ORIGINS;
    if (origin && allowed.length > 0 && !allowed.includes('*') && !allowed.includes(origin)) {
      throw new Error(`origin ${origin} is not allowed`);
    }
    const auth = socket.handshake.auth as { token?: unknown; apiKey?: unknown };
    if (typeof auth.token === 'string') {
      const claims = this.tokens.verify(auth.token);
      return { role: claims.role, who: claims.sub };
    }
    if (typeof auth.apiKey === 'string') {
      const key = await this.keys.authenticate(auth.apiKey);
      return { role: key.role, who: `key:${key.prefix}` };
    }
    throw new Error('connect with auth: { token } (an access token) or auth: { apiKey }');
  }
}
