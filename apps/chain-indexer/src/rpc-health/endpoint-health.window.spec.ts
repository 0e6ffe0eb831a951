import { defaultEndpointHealthPolicy } from './endpoint-health.model';
import { EndpointHealth } from './endpoint-health.window';

const start = new Date('2025-01-01T00:00:00Z').getTime();

function healthAt() {
  let nowMs = start;
  const health = new EndpointHealth('https://primary.example', () => new Date(nowMs));
  return { health, advance: (ms: number) => (nowMs += ms), now: () => new Date(nowMs) };
}

function succeed(health: EndpointHealth, times: number, latencyMs = 100): void {
  for (let i = 0; i < times; i++) health.recordSuccess(latencyMs);
}

describe(EndpointHealth.name, () => {
  it('reports the error rate and p50/p95 latency of answered calls in the window', () => {
    const { health } = healthAt();
    for (let ms = 1; ms <= 100; ms++) health.recordSuccess(ms);
    health.recordFailure('http-5xx', 900);
    const snapshot = health.snapshot();
    expect(snapshot).toMatchObject({ calls: 101, failures: 1, p50LatencyMs: 50, p95LatencyMs: 95 });
    expect(snapshot.errorRate).toBeCloseTo(1 / 101);
    expect(snapshot.lastFailureKind).toBe('http-5xx');
  });

  it('forgets calls older than the window', () => {
    const { health, advance } = healthAt();
    health.recordFailure('network', 10);
    advance(defaultEndpointHealthPolicy.windowMs - 1);
    health.recordSuccess(20);
    expect(health.snapshot()).toMatchObject({ calls: 2, failures: 1 });
    advance(1);
    expect(health.snapshot()).toMatchObject({ calls: 1, failures: 0, errorRate: 0, p50LatencyMs: 20 });
  });

  it('counts consecutive failures and resets them on a success', () => {
    const { health } = healthAt();
    health.recordFailure('timeout', 100);
    health.recordFailure('network', 100);
    expect(health.snapshot().consecutiveFailures).toBe(2);
    health.recordSuccess(100);
    expect(health.snapshot()).toMatchObject({ consecutiveFailures: 0, consecutiveSuccesses: 1 });
  });

  it('does not trip on one failure in a few calls (too few samples to judge 1%)', () => {
    const { health } = healthAt();
    succeed(health, 2);
    health.recordFailure('http-5xx', 100);
    expect(health.snapshot().tripped).toBeUndefined();
  });

  it('does not trip on a single failure among 100 calls (exactly 1% is not past it)', () => {
    const { health } = healthAt();
    succeed(health, 99);
    health.recordFailure('http-5xx', 100);
    expect(health.snapshot().tripped).toBeUndefined();
  });

  it('trips when the error rate passes 1% over at least 100 calls', () => {
    const { health, now } = healthAt();
    succeed(health, 98);
    health.recordFailure('http-5xx', 100);
    succeed(health, 1);
    health.recordFailure('rpc-error', 100);
    expect(health.snapshot().tripped).toEqual({ reason: 'error-rate', at: now() });
  });

  it('trips on a call slower than 5 s, answered or not', () => {
    const answered = healthAt();
    answered.health.recordSuccess(5_001);
    expect(answered.health.snapshot().tripped?.reason).toBe('slow-call');

    const timedOut = healthAt();
    timedOut.health.recordFailure('timeout', 10_000);
    expect(timedOut.health.snapshot().tripped?.reason).toBe('slow-call');

    const justUnder = healthAt();
    justUnder.health.recordSuccess(5_000);
    expect(justUnder.health.snapshot().tripped).toBeUndefined();
  });

  it('trips after three failures in a row even with few calls', () => {
    const { health } = healthAt();
    health.recordFailure('network', 5);
    health.recordFailure('network', 5);
    expect(health.snapshot().tripped).toBeUndefined();
    health.recordFailure('network', 5);
    expect(health.snapshot().tripped?.reason).toBe('consecutive-failures');
  });

  it('recovers after three fast successes in a row, with a fresh window', () => {
    const { health } = healthAt();
    for (let i = 0; i < 3; i++) health.recordFailure('network', 5);
    succeed(health, 2);
    expect(health.snapshot().tripped).toBeDefined();
    health.recordSuccess(100);
    expect(health.snapshot()).toMatchObject({ tripped: undefined, calls: 3, failures: 0 });
  });

  it('does not count slow successes toward recovery', () => {
    const { health } = healthAt();
    health.recordSuccess(6_000);
    succeed(health, 2);
    health.recordSuccess(6_000);
    succeed(health, 2);
    expect(health.snapshot().tripped?.reason).toBe('slow-call');
    succeed(health, 1);
    expect(health.snapshot().tripped).toBeUndefined();
  });

  it('keeps the first trip reason while tripped', () => {
    const { health } = healthAt();
    health.recordSuccess(6_000);
    for (let i = 0; i < 3; i++) health.recordFailure('network', 5);
    expect(health.snapshot().tripped?.reason).toBe('slow-call');
  });

  it('cools down for the Retry-After of a rate-limited call, keeping the later end', () => {
    const { health, now } = healthAt();
    health.recordFailure('rate-limited', 50, 30_000);
    health.recordFailure('rate-limited', 50, 1_000);
    expect(health.snapshot().coolDownUntil).toEqual(new Date(now().getTime() + 30_000));
  });

  it('keeps no more than maxSamples calls', () => {
    let nowMs = start;
    const health = new EndpointHealth('https://x.example', () => new Date(nowMs), {
      ...defaultEndpointHealthPolicy,
      maxSamples: 10,
    });
    for (let i = 0; i < 25; i++) {
      nowMs += 1;
      health.recordSuccess(i);
    }
    expect(health.snapshot()).toMatchObject({ calls: 10, p50LatencyMs: 19 });
  });
});
