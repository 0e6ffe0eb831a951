import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ConsumerHost } from '@convergence/messaging';
import { type Envelope, findTopic } from '@convergence/schemas';
import { AnswerCacheService } from '../cache/answer-cache.service';
import { CLOCK, type Clock } from '../clock';
import { GATEWAY_ENV, type GatewayEnv } from '../config/gateway-config';
import { GatewayMetrics } from '../metrics/gateway.metrics';
import { type LiveTopic, liveTopics, roomsOfEvent } from './live-rooms.util';
import { LiveGateway } from './live.gateway';

const walletTopics: readonly string[] = ['unlock.achieved.v1', 'unlock.revoked.v1', 'profile.updated.v1'];

/**
 * Feeds WebSocket rooms and invalidates cached answers from Kafka. Every gateway instance must see
 * every event (its own clients, its own cache), so each consumes in its own groups, named by
 * GATEWAY_INSTANCE_ID. Events older than LIVE_MAX_EVENT_AGE_MS (a new group reading history) still
 * invalidate the cache but are not pushed.
 */
@Injectable()
export class LiveEventsConsumer implements OnModuleInit {
  constructor(
    private readonly host: ConsumerHost,
    private readonly live: LiveGateway,
    private readonly cache: AnswerCacheService,
    private readonly metrics: GatewayMetrics,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    for (const name of liveTopics) {
      const topic = findTopic(name);
      if (!topic) throw new Error(`topic ${name} is not in the registry`);
      this.host.register({
        groupId: `api-gateway.live.${this.env.GATEWAY_INSTANCE_ID}.${name}`,
        topic,
        handle: async (envelope) => this.apply(name, envelope as Envelope<Record<string, unknown>>),
      });
    }
  }

  apply(topic: LiveTopic, envelope: Envelope<Record<string, unknown>>): void {
    const wallet = envelope.data['wallet'];
    if (walletTopics.includes(topic) && typeof wallet === 'string') this.cache.invalidateWallet(wallet);
    const age = this.clock().getTime() - Date.parse(envelope.time);
    if (age > this.env.LIVE_MAX_EVENT_AGE_MS) return;
    this.live.push(roomsOfEvent(topic, envelope), topic, {
      id: envelope.id,
      type: envelope.type,
      time: envelope.time,
      data: envelope.data,
    });
    this.metrics.liveEvents.inc({ topic });
  }
}
