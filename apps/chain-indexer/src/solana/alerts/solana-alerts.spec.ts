import { AlertTracker } from './alert-tracker';
import { firingSolanaAlerts, type SolanaAlertInput } from './solana-alert-rules.util';

const now = new Date('2026-01-01T00:10:00Z');
const base: SolanaAlertInput = {
  cluster: 'localnet',
  now,
  startedAt: new Date('2026-01-01T00:00:00Z'),
  programs: [{ program: 'token', lagSlots: 0n, lastProgressAt: now }],
  endpoints: [
    { label: '0:primary', tripped: undefined },
    { label: '1:backup', tripped: undefined },
  ],
  currentEndpoint: '0:primary',
  lagAlertSlots: 150,
  stallAlertMs: 60_000,
};
const names = (input: SolanaAlertInput) => firingSolanaAlerts(input).map((a) => [a.name, a.labels]);

describe(firingSolanaAlerts.name, () => {
  it('is quiet while everything is healthy', () => {
    expect(firingSolanaAlerts(base)).toEqual([]);
  });

  it('fires lag above the threshold, not at it', () => {
    expect(names({ ...base, programs: [{ ...base.programs[0]!, lagSlots: 150n }] })).toEqual([]);
    expect(names({ ...base, programs: [{ ...base.programs[0]!, lagSlots: 151n }] })).toEqual([
      ['ChainIndexerLagHigh', { program: 'token' }],
    ]);
  });

  it('fires a stall once the indexed slot has not moved for the threshold, counting from start', () => {
    const stale = new Date(now.getTime() - 60_001);
    expect(names({ ...base, programs: [{ ...base.programs[0]!, lastProgressAt: stale }] })).toEqual([
      ['ChainIndexerStalled', { program: 'token' }],
    ]);
    expect(
      names({ ...base, programs: [{ program: 'token', lagSlots: undefined, lastProgressAt: undefined }] }),
    ).toEqual([['ChainIndexerStalled', { program: 'token' }]]);
  });

  it('fires for each tripped endpoint and for being off the primary', () => {
    const input = {
      ...base,
      endpoints: [{ label: '0:primary', tripped: 'consecutive-failures' }, base.endpoints[1]!],
      currentEndpoint: '1:backup',
    };
    expect(names(input)).toEqual([
      ['ChainIndexerEndpointDown', { endpoint: '0:primary' }],
      ['ChainIndexerRpcFailover', { endpoint: '1:backup' }],
    ]);
  });
});

describe(AlertTracker.name, () => {
  const lag = firingSolanaAlerts({ ...base, programs: [{ ...base.programs[0]!, lagSlots: 500n }] });
  const at = (s: number) => new Date(now.getTime() + s * 1_000);

  it('sends a new alert once, again after the resend interval, and resolves it when it stops', () => {
    const tracker = new AlertTracker(60_000);
    expect(tracker.update(lag, at(0)).send).toEqual([{ ...lag[0], startsAt: at(0) }]);
    expect(tracker.update(lag, at(30)).send).toEqual([]);
    expect(tracker.update(lag, at(60)).send).toEqual([{ ...lag[0], startsAt: at(0) }]);
    expect(tracker.update([], at(70)).send).toEqual([{ ...lag[0], startsAt: at(0), endsAt: at(70) }]);
    expect(tracker.update([], at(80)).send).toEqual([]);
  });
});
