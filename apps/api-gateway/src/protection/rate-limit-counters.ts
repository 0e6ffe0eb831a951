/** A limit: at most `max` requests per fixed window of `windowSeconds`. */
export interface RateLimit {
  max: number;
  windowSeconds: number;
}

/** What the limiter decided, with the figures the RateLimit-* headers carry. */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window ends (and the count starts over). */
  resetSeconds: number;
}

/** Hits of one bucket in one window that other instances have not heard of yet. */
export interface PendingHits {
  bucket: string;
  windowStart: Date;
  hits: number;
}

interface Counter {
  windowStart: number;
  /** The total over every instance as Postgres last told us (our own synced hits included). */
  synced: number;
  /** Our hits since the last sync. */
  pending: number;
}

/**
 * Fixed-window counters kept in memory and pooled with the other gateway instances through
 * Postgres every RATE_LIMIT_SYNC_MS: a request is decided locally (no round trip on the hot path)
 * on `synced + pending`. Alone, an instance is exact; with N instances a bucket can overshoot by
 * what the others admitted since their last sync. Pure (time passed in), so it is unit-tested.
 */
export class RateLimitCounters {
  private readonly counters = new Map<string, Counter>();

  consume(bucket: string, limit: RateLimit, nowMs: number): RateDecision {
    const windowMs = limit.windowSeconds * 1000;
    const windowStart = Math.floor(nowMs / windowMs) * windowMs;
    let counter = this.counters.get(bucket);
    if (!counter || counter.windowStart !== windowStart) {
      counter = { windowStart, synced: 0, pending: 0 };
      this.counters.set(bucket, counter);
    }
    const resetSeconds = Math.max(1, Math.ceil((windowStart + windowMs - nowMs) / 1000));
    const used = counter.synced + counter.pending;
    if (used >= limit.max) return { allowed: false, limit: limit.max, remaining: 0, resetSeconds };
    counter.pending += 1;
    return { allowed: true, limit: limit.max, remaining: limit.max - used - 1, resetSeconds };
  }

  /** Takes the hits not yet synced (they count as synced from now on, until `applyTotals` corrects). */
  drainPending(): PendingHits[] {
    const out: PendingHits[] = [];
    for (const [bucket, c] of this.counters) {
      if (c.pending === 0) continue;
      out.push({ bucket, windowStart: new Date(c.windowStart), hits: c.pending });
      c.synced += c.pending;
      c.pending = 0;
    }
    return out;
  }

  /** Puts hits back after a failed sync, so they are sent next time. */
  restore(hits: PendingHits[]): void {
    for (const h of hits) {
      const c = this.counters.get(h.bucket);
      if (!c || c.windowStart !== h.windowStart.getTime()) continue;
      c.synced -= h.hits;
      c.pending += h.hits;
    }
  }

  /** Sets the pooled totals Postgres answered (every instance's hits in each bucket's window). */
  applyTotals(totals: { bucket: string; windowStart: Date; hits: number }[]): void {
    for (const t of totals) {
      const c = this.counters.get(t.bucket);
      if (c && c.windowStart === t.windowStart.getTime()) c.synced = Math.max(c.synced, t.hits);
    }
  }

  /** Buckets whose window has ended are forgotten. */
  evictBefore(nowMs: number, maxWindowSeconds: number): void {
    for (const [bucket, c] of this.counters) {
      if (c.windowStart + maxWindowSeconds * 1000 <= nowMs && c.pending === 0) this.counters.delete(bucket);
    }
  }

  /** Buckets currently tracked (for the sync to ask their totals). */
  tracked(): { bucket: string; windowStart: Date }[] {
    return [...this.counters].map(([bucket, c]) => ({ bucket, windowStart: new Date(c.windowStart) }));
  }
}

/** Parses RATE_LIMIT_ROUTES entries (`routeId=max/windowSeconds`) into per-route limits. */
export function parseRouteLimits(entries: readonly string[]): Map<string, RateLimit> {
  const limits = new Map<string, RateLimit>();
  for (const entry of entries) {
    const [id, spec] = entry.split('=');
    const [max, windowSeconds] = spec.split('/').map(Number);
    limits.set(id, { max, windowSeconds });
  }
  return limits;
}

/** The standard headers (IETF draft RateLimit header fields, as express-rate-limit's draft-6 mode sends them). */
export function rateLimitHeaders(decision: RateDecision, windowSeconds: number): Record<string, string> {
  const headers: Record<string, string> = {
    'RateLimit-Policy': `${decision.limit};w=${windowSeconds}`,
    'RateLimit-Limit': String(decision.limit),
    'RateLimit-Remaining': String(decision.remaining),
    'RateLimit-Reset': String(decision.resetSeconds),
  };
  if (!decision.allowed) headers['Retry-After'] = String(decision.resetSeconds);
  return headers;
}
