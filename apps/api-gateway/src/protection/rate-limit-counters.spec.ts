import { RateLimitCounters, parseRouteLimits, rateLimitHeaders } from './rate-limit-counters';

const limit = { max: 3, windowSeconds: 60 };
const t0 = Date.parse('2026-01-01T00:00:10Z');

describe(RateLimitCounters.name, () => {
  it('admits max requests per window, then refuses until the window ends', () => {
    const counters = new RateLimitCounters();
    const decisions = [0, 1, 2, 3].map(() => counters.consume('ip:1', limit, t0));
    expect(decisions.map((d) => [d.allowed, d.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
    ]);
    expect(decisions[3].resetSeconds).toBe(50);
    expect(counters.consume('ip:1', limit, t0 + 50_000).allowed).toBe(true);
  });

  it('keeps buckets apart', () => {
    const counters = new RateLimitCounters();
    for (let i = 0; i < 3; i++) counters.consume('ip:1', limit, t0);
    expect(counters.consume('ip:2', limit, t0).allowed).toBe(true);
  });

  it("counts other instances' hits once Postgres reports the pooled total", () => {
    const counters = new RateLimitCounters();
    counters.consume('wallet:a', limit, t0);
    const pending = counters.drainPending();
    expect(pending).toEqual([{ bucket: 'wallet:a', windowStart: new Date('2026-01-01T00:00:00Z'), hits: 1 }]);
    counters.applyTotals([{ bucket: 'wallet:a', windowStart: pending[0].windowStart, hits: 3 }]);
    expect(counters.consume('wallet:a', limit, t0).allowed).toBe(false);
  });

  it('sends hits again after a failed sync', () => {
    const counters = new RateLimitCounters();
    counters.consume('k', limit, t0);
    counters.restore(counters.drainPending());
    expect(counters.drainPending()).toEqual([expect.objectContaining({ hits: 1 })]);
  });
});

describe(parseRouteLimits.name, () => {
  it('reads routeId=max/windowSeconds', () => {
    expect(parseRouteLimits(['auth.verify=10/60'])).toEqual(
      new Map([['auth.verify', { max: 10, windowSeconds: 60 }]]),
    );
  });
});

describe(rateLimitHeaders.name, () => {
  it('adds Retry-After only to a refusal', () => {
    const refused = rateLimitHeaders({ allowed: false, limit: 3, remaining: 0, resetSeconds: 50 }, 60);
    expect(refused).toEqual({
      'RateLimit-Policy': '3;w=60',
      'RateLimit-Limit': '3',
      'RateLimit-Remaining': '0',
      'RateLimit-Reset': '50',
      'Retry-After': '50',
    });
    expect(
      rateLimitHeaders({ allowed: true, limit: 3, remaining: 2, resetSeconds: 50 }, 60)['Retry-After'],
    ).toBeUndefined();
  });
});
