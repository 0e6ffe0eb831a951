import type { EndpointHealthSnapshot } from '../rpc-health/endpoint-health.model';
import { alertConditionsOf } from './alert-conditions.util';
import { AlertTracker } from './alert-tracker';

const now = new Date('2026-01-01T00:10:00Z');
const endpoint = (
  url: string,
  label: string,
  tripped = false,
): EndpointHealthSnapshot & { label: string } => ({
  url,
  label,
  calls: 10,
  failures: tripped ? 3 : 0,
  errorRate: tripped ? 0.3 : 0,
  p50LatencyMs: 5,
  p95LatencyMs: 9,
  consecutiveFailures: tripped ? 3 : 0,
  consecutiveSuccesses: 0,
  lastFailureKind: tripped ? 'timeout' : undefined,
  lastCallAt: now,
  tripped: tripped ? { reason: 'consecutive-failures', at: now } : undefined,
  coolDownUntil: undefined,
});
const base = {
  chain: 'mainnet',
  head: 100n,
  indexedBlock: 100n,
  halted: undefined,
  lastProgressAt: now,
  endpoints: [endpoint('https://a', '0:a'), endpoint('https://b', '1:b')],
  currentEndpoint: 'https://a',
};
const policy = { lagBlocks: 10, stallMs: 120_000 };

describe(alertConditionsOf.name, () => {
  it('raises nothing for a chain at the head on its primary', () => {
    expect(alertConditionsOf(base, policy, now)).toEqual([]);
  });

  it('raises lag past the threshold, and a stall when no block was indexed for too long', () => {
    const lagging = { ...base, indexedBlock: 89n, lastProgressAt: new Date(now.getTime() - 121_000) };
    expect(alertConditionsOf(lagging, policy, now).map((c) => [c.name, c.severity])).toEqual([
      ['ChainIndexerLagHigh', 'warning'],
      ['ChainIndexerStalled', 'critical'],
    ]);
    expect(alertConditionsOf({ ...base, indexedBlock: 90n }, policy, now)).toEqual([]);
  });

  it('raises a down endpoint and a failover to the backup', () => {
    const failedOver = {
      ...base,
      endpoints: [endpoint('https://a', '0:a', true), endpoint('https://b', '1:b')],
      currentEndpoint: 'https://b',
    };
    expect(alertConditionsOf(failedOver, policy, now)).toEqual([
      expect.objectContaining({
        key: 'down:0:a',
        name: 'ChainIndexerEndpointDown',
        labels: { endpoint: '0:a' },
      }),
      expect.objectContaining({
        key: 'failover',
        name: 'ChainIndexerRpcFailover',
        summary: 'mainnet: failed over from 0:a to 1:b',
      }),
    ]);
  });

  it('raises only the deep-reorg alert for a halted chain', () => {
    const halted = { ...base, indexedBlock: 50n, halted: { reason: 'reorg of 70 blocks' } };
    expect(alertConditionsOf(halted, policy, now)).toEqual([
      expect.objectContaining({
        name: 'ChainIndexerDeepReorg',
        severity: 'critical',
        description: 'reorg of 70 blocks',
      }),
    ]);
  });
});

describe(AlertTracker.name, () => {
  const [lag] = alertConditionsOf({ ...base, indexedBlock: 80n }, policy, now);

  it('fires once, re-sends after the repeat interval with the same start, and resolves when cleared', () => {
    const tracker = new AlertTracker(60_000);
    const t = (s: number) => new Date(now.getTime() + s * 1_000);
    expect(tracker.update([lag!], t(0))).toEqual([{ condition: lag, startsAt: t(0) }]);
    expect(tracker.update([lag!], t(30))).toEqual([]);
    expect(tracker.update([lag!], t(60))).toEqual([{ condition: lag, startsAt: t(0) }]);
    expect(tracker.update([], t(65))).toEqual([{ condition: lag, startsAt: t(0), endsAt: t(65) }]);
    expect(tracker.update([], t(70))).toEqual([]);
  });
});
