import { chooseEndpoint } from './endpoint-choice.util';
import type { EndpointHealthSnapshot } from './endpoint-health.model';
import { EndpointHealth } from './endpoint-health.window';

const primary = 'https://primary.example';
const backup = 'https://backup.example';
const third = 'https://third.example';
const now = new Date('2025-01-01T12:00:00Z');
const secondsAgo = (s: number): Date => new Date(now.getTime() - s * 1_000);

const healthy = (url: string): EndpointHealthSnapshot => ({
  url,
  calls: 200,
  failures: 0,
  errorRate: 0,
  p50LatencyMs: 80,
  p95LatencyMs: 200,
  consecutiveFailures: 0,
  consecutiveSuccesses: 200,
  lastFailureKind: undefined,
  lastCallAt: secondsAgo(1),
  tripped: undefined,
  coolDownUntil: undefined,
});
const tripped = (url: string, lastCallSecondsAgo = 1): EndpointHealthSnapshot => ({
  ...healthy(url),
  failures: 3,
  errorRate: 0.015,
  consecutiveSuccesses: 0,
  lastCallAt: secondsAgo(lastCallSecondsAgo),
  tripped: { reason: 'error-rate', at: secondsAgo(60) },
});
const coolingDown = (url: string, forSeconds: number): EndpointHealthSnapshot => ({
  ...healthy(url),
  coolDownUntil: new Date(now.getTime() + forSeconds * 1_000),
});
const mapOf = (...snapshots: EndpointHealthSnapshot[]) => new Map(snapshots.map((s) => [s.url, s]));

describe(chooseEndpoint.name, () => {
  it('uses the primary while it is healthy', () => {
    expect(chooseEndpoint([primary, backup], mapOf(healthy(primary), healthy(backup)), now, primary)).toEqual(
      {
        kind: 'use',
        url: primary,
        reason: 'healthy',
      },
    );
  });

  it('treats endpoints it has no health for as healthy (first call)', () => {
    expect(chooseEndpoint([primary, backup], new Map(), now)).toEqual({
      kind: 'use',
      url: primary,
      reason: 'healthy',
    });
  });

  it('fails over from a tripped primary, saying why', () => {
    expect(chooseEndpoint([primary, backup], mapOf(tripped(primary), healthy(backup)), now, primary)).toEqual(
      {
        kind: 'use',
        url: backup,
        reason: 'failover',
        from: primary,
        because: 'error-rate',
      },
    );
  });

  it('skips an endpoint in a Retry-After cool-down', () => {
    const choice = chooseEndpoint(
      [primary, backup],
      mapOf(coolingDown(primary, 10), healthy(backup)),
      now,
      primary,
    );
    expect(choice).toMatchObject({ url: backup, reason: 'failover', because: 'retry-after' });
  });

  it('goes back to the primary once its cool-down has ended', () => {
    const choice = chooseEndpoint(
      [primary, backup],
      mapOf(coolingDown(primary, 0), healthy(backup)),
      now,
      backup,
    );
    expect(choice).toEqual({ kind: 'use', url: primary, reason: 'failback', from: backup });
  });

  it('stays on the backup without a probe while the tripped primary was called recently', () => {
    const choice = chooseEndpoint(
      [primary, backup],
      mapOf(tripped(primary, 10), healthy(backup)),
      now,
      backup,
    );
    expect(choice).toEqual({ kind: 'use', url: backup, reason: 'healthy' });
  });

  it('asks for a probe of the tripped primary 30 s after its last call', () => {
    const choice = chooseEndpoint(
      [primary, backup],
      mapOf(tripped(primary, 30), healthy(backup)),
      now,
      backup,
    );
    expect(choice).toEqual({ kind: 'use', url: backup, reason: 'healthy', probe: primary });
  });

  it('does not probe an endpoint that is cooling down', () => {
    const snapshot = { ...tripped(primary, 60), coolDownUntil: new Date(now.getTime() + 5_000) };
    expect(
      chooseEndpoint([primary, backup], mapOf(snapshot, healthy(backup)), now, backup),
    ).not.toHaveProperty('probe');
  });

  it('fails over down the list past every unusable endpoint', () => {
    const choice = chooseEndpoint(
      [primary, backup, third],
      mapOf(tripped(primary), coolingDown(backup, 5), healthy(third)),
      now,
      primary,
    );
    expect(choice).toMatchObject({ url: third, reason: 'failover', from: primary, because: 'error-rate' });
  });

  it('uses the highest-priority endpoint not cooling down when every one is tripped', () => {
    const choice = chooseEndpoint(
      [primary, backup],
      mapOf(coolingDown(primary, 5), tripped(backup)),
      now,
      backup,
    );
    expect(choice).toEqual({ kind: 'use', url: backup, reason: 'degraded' });
  });

  it('says how long to wait when every endpoint is cooling down', () => {
    const choice = chooseEndpoint(
      [primary, backup],
      mapOf(coolingDown(primary, 20), coolingDown(backup, 5)),
      now,
    );
    expect(choice).toEqual({
      kind: 'wait',
      until: new Date(now.getTime() + 5_000),
      reason: 'all-cooling-down',
    });
  });

  it('fails over, probes, and fails back as the primary breaks and recovers (driven by EndpointHealth)', () => {
    let nowMs = now.getTime();
    const clock = () => new Date(nowMs);
    const primaryHealth = new EndpointHealth(primary, clock);
    const backupHealth = new EndpointHealth(backup, clock);
    const choose = (current: string) =>
      chooseEndpoint(
        [primary, backup],
        new Map([primaryHealth, backupHealth].map((h) => [h.url, h.snapshot()])),
        clock(),
        current,
      );

    primaryHealth.recordSuccess(6_000);
    expect(choose(primary)).toMatchObject({ url: backup, reason: 'failover', because: 'slow-call' });
    backupHealth.recordSuccess(90);
    expect(choose(backup)).toEqual({ kind: 'use', url: backup, reason: 'healthy' });

    nowMs += 30_000;
    expect(choose(backup)).toMatchObject({ url: backup, probe: primary });
    primaryHealth.recordSuccess(100);
    expect(choose(backup)).toEqual({ kind: 'use', url: backup, reason: 'healthy' });
    nowMs += 30_000;
    primaryHealth.recordSuccess(100);
    nowMs += 30_000;
    primaryHealth.recordSuccess(100);
    expect(choose(backup)).toEqual({ kind: 'use', url: primary, reason: 'failback', from: backup });
  });

  it('refuses an empty endpoint list', () => {
    expect(() => chooseEndpoint([], new Map(), now)).toThrow(RangeError);
  });
});
