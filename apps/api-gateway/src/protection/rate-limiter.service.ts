import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../clock';
import { GATEWAY_ENV, type GatewayEnv } from '../config/gateway-config';
import type { RouteDefinition } from '../routes/route.model';
import {
  type RateDecision,
  type RateLimit,
  RateLimitCounters,
  parseRouteLimits,
} from './rate-limit-counters';

/**
 * Rate limits per caller (API key, wallet or IP) and route group, shared by every gateway instance
 * through `rate_limit_counters` in Postgres (see RateLimitCounters for the trade-off).
 */
@Injectable()
export class RateLimiterService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RateLimiterService.name);
  private readonly counters = new RateLimitCounters();
  private readonly routeLimits: Map<string, RateLimit>;
  private readonly defaultLimit: RateLimit;
  private timer?: NodeJS.Timeout;
  private syncing?: Promise<void>;
  private syncs = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(GATEWAY_ENV) private readonly env: GatewayEnv,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.routeLimits = parseRouteLimits(env.RATE_LIMIT_ROUTES);
    this.defaultLimit = { max: env.RATE_LIMIT_MAX, windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS };
  }

  onModuleInit(): void {
    this.timer = setInterval(() => void this.sync(), this.env.RATE_LIMIT_SYNC_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.sync();
  }

  /** The limit of a route: RATE_LIMIT_ROUTES, then the route's own, then the default. */
  limitOf(route: Pick<RouteDefinition, 'id' | 'rateLimit'>): { limit: RateLimit; group: string } {
    const override = this.routeLimits.get(route.id) ?? route.rateLimit;
    return override ? { limit: override, group: route.id } : { limit: this.defaultLimit, group: 'default' };
  }

  consume(
    route: Pick<RouteDefinition, 'id' | 'rateLimit'>,
    identity: string,
  ): RateDecision & { windowSeconds: number } {
    const { limit, group } = this.limitOf(route);
    const decision = this.counters.consume(`${group}|${identity}`, limit, this.clock().getTime());
    return { ...decision, windowSeconds: limit.windowSeconds };
  }

  /** Adds our pending hits to the pooled counters and reads back every tracked bucket's total. */
  sync(): Promise<void> {
    this.syncing ??= this.syncOnce().finally(() => (this.syncing = undefined));
    return this.syncing;
  }

  private async syncOnce(): Promise<void> {
    const pending = this.counters.drainPending();
    const tracked = this.counters.tracked();
    if (tracked.length === 0) return;
    try {
      if (pending.length > 0) {
        await this.dataSource.query(
          `INSERT INTO rate_limit_counters (bucket, window_start, hits)
           SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::int[])
           ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_counters.hits + EXCLUDED.hits`,
          [pending.map((p) => p.bucket), pending.map((p) => p.windowStart), pending.map((p) => p.hits)],
        );
      }
      const totals = (await this.dataSource.query(
        `SELECT c.bucket, c.window_start, c.hits FROM rate_limit_counters c
           JOIN unnest($1::text[], $2::timestamptz[]) AS t(bucket, window_start)
             ON c.bucket = t.bucket AND c.window_start = t.window_start`,
        [tracked.map((t) => t.bucket), tracked.map((t) => t.windowStart)],
      )) as { bucket: string; window_start: Date; hits: number }[];
      this.counters.applyTotals(
        totals.map((t) => ({ bucket: t.bucket, windowStart: t.window_start, hits: t.hits })),
      );
      const now = this.clock().getTime();
      this.counters.evictBefore(now, this.maxWindowSeconds());
      // Now and then, drop windows that ended long ago (any instance may do it; it is idempotent).
      if (++this.syncs % 1_000 === 0) {
        await this.dataSource.query(`DELETE FROM rate_limit_counters WHERE window_start < $1`, [
          new Date(now - 2 * this.maxWindowSeconds() * 1000),
        ]);
      }
    } catch (error) {
      this.counters.restore(pending);
      this.logger.warn({ msg: 'rate limit sync failed; deciding on local counts', err: error });
    }
  }

  private maxWindowSeconds(): number {
    return Math.max(
      this.defaultLimit.windowSeconds,
      ...[...this.routeLimits.values()].map((l) => l.windowSeconds),
      3600,
    );
  }
}
