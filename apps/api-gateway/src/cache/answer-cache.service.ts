import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../clock';
import { GATEWAY_ENV, type GatewayEnv } from '../config/gateway-config';
import { GatewayMetrics } from '../metrics/gateway.metrics';
import type { CachedAnswer } from '../routes/route.model';
import type { UpstreamResponse } from '../upstream/upstream.client';
import { TtlCache } from './ttl-cache';

/**
 * Eligibility and profile answers kept briefly (CACHE_TTL_MS) per instance, and dropped as soon as
 * an event says they changed (unlock.achieved/revoked, profile.updated) or an unlock definition
 * changes through the gateway. Only 200 answers are kept.
 */
@Injectable()
export class AnswerCacheService {
  private readonly cache: TtlCache<UpstreamResponse>;

  constructor(
    @Inject(GATEWAY_ENV) env: GatewayEnv,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly metrics: GatewayMetrics,
  ) {
    this.cache = new TtlCache(env.CACHE_TTL_MS, env.CACHE_MAX_ENTRIES);
  }

  get(answer: CachedAnswer, wallet: string): UpstreamResponse | undefined {
    const hit = this.cache.get(keyOf(answer, wallet), this.clock().getTime());
    this.metrics.cacheLookups.inc({ answer, result: hit ? 'hit' : 'miss' });
    return hit;
  }

  /** Looks without counting: the fast path counts a hit only once it answers from it. */
  peek(answer: CachedAnswer, wallet: string): UpstreamResponse | undefined {
    return this.cache.get(keyOf(answer, wallet), this.clock().getTime());
  }

  /** Counts a hit the fast path answered (a peek it did not use is not counted). */
  countHit(answer: CachedAnswer): void {
    this.metrics.cacheLookups.inc({ answer, result: 'hit' });
  }

  set(answer: CachedAnswer, wallet: string, response: UpstreamResponse): void {
    if (response.status === 200) this.cache.set(keyOf(answer, wallet), response, this.clock().getTime());
  }

  /** A wallet's state changed: its eligibility and profile are asked again. */
  invalidateWallet(wallet: string): void {
    this.cache.delete(keyOf('eligibility', wallet));
    this.cache.delete(keyOf('profile', wallet));
  }

  /** Unlock definitions changed: every eligibility answer may be stale. */
  invalidateEligibility(): number {
    return this.cache.deletePrefix('eligibility:');
  }

  clear(): number {
    return this.cache.clear();
  }
}

function keyOf(answer: CachedAnswer, wallet: string): string {
  return `${answer}:${wallet.toLowerCase()}`;
}
