import { Counter, Registry } from 'prom-client';
import { TransactionTracker } from './transaction-tracker';

describe(TransactionTracker.name, () => {
  let now = 1_000_000;
  const setUp = () => {
    const registry = new Registry();
    const transactions = new Counter({
      name: 'oracle_transactions_total',
      help: 'h',
      labelNames: ['chain', 'outcome'] as const,
      registers: [registry],
    });
    return { tracker: new TransactionTracker('hardhat', { transactions }, () => new Date(now)), registry };
  };
  const count = async (registry: Registry, outcome: string) =>
    (await registry.getSingleMetric('oracle_transactions_total')!.get()).values.find(
      (v) => v.labels['outcome'] === outcome,
    )?.value ?? 0;

  it('counts confirmed, reverted and dropped transactions', async () => {
    const { tracker, registry } = setUp();
    await tracker.track('0x1', Promise.resolve('success'), (s) =>
      s === 'success' ? 'confirmed' : 'reverted',
    );
    await tracker.track('0x2', Promise.resolve('reverted'), (s) =>
      s === 'success' ? 'confirmed' : 'reverted',
    );
    await expect(
      tracker.track('0x3', Promise.reject(new Error('no receipt')), () => 'confirmed'),
    ).rejects.toThrow('no receipt');
    expect([
      await count(registry, 'confirmed'),
      await count(registry, 'reverted'),
      await count(registry, 'dropped'),
    ]).toEqual([1, 1, 1]);
  });

  it('reports the age of the oldest transaction still pending, and 0 once all are mined', async () => {
    const { tracker } = setUp();
    let mine!: () => void;
    const waiting = tracker.track('0xa', new Promise<void>((r) => (mine = r)), () => 'confirmed');
    now += 5_000;
    const second = tracker.track('0xb', new Promise<void>(() => undefined), () => 'confirmed');
    void second;
    now += 2_500;
    expect(tracker.oldestPendingAgeSeconds()).toBe(7.5);
    mine();
    await waiting;
    expect(tracker.oldestPendingAgeSeconds()).toBe(2.5);
  });
});
