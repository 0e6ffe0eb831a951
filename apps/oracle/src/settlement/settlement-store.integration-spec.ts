import { randomBytes } from 'node:crypto';
import { createWorkerDatabase } from '@convergence/dev-stack';
import { OutboxService } from '@convergence/messaging';
import { openServiceDataSource, serviceDataSourceOptions } from '@convergence/service-kit';
import pino from 'pino';
import { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { SentimentResult } from '../llm/sentiment.model';
import { OracleMetrics } from '../metrics/oracle.metrics';
import { entities, migrations } from '../migrations';
import { SettlementStore, StaleJobError } from './settlement-store.service';

const analysis = (score: number): SentimentResult => ({
  score,
  confidence: 1,
  summary: 's',
  source: 'fallback',
  opinions: 1,
  contentHash: 'h',
});

/**
 * Leases on the real settlement_jobs table: a worker whose lease lapsed while it was still working
 * (a Claude call longer than the lease, a stalled process) and was taken over cannot write the job,
 * renew the lease or give it back — so one analysis per lease lands, never two.
 */
describe(SettlementStore.name, () => {
  let dataSource: DataSource;
  let now = new Date('2026-11-22T06:00:00Z');
  let store: SettlementStore;

  beforeAll(async () => {
    dataSource = await openServiceDataSource(
      serviceDataSourceOptions({
        url: await createWorkerDatabase(),
        schema: `oracle_store_${randomBytes(3).toString('hex')}`,
        serviceName: 'oracle-test',
        entities,
        migrations,
        poolMax: 2,
      }),
    );
    const metrics = new OracleMetrics(new Registry(), pino({ enabled: false }));
    store = new SettlementStore(dataSource, new OutboxService(), metrics, () => now);
  });

  afterAll(() => dataSource?.destroy());

  it('lets only the current lease owner write, renew and release a job', async () => {
    await dataSource.transaction((m) => store.enqueue(m, 31337, '7'));
    const [byA] = await store.leaseDue(1, 30_000, [], 'worker-a');
    expect(byA).toMatchObject({ marketId: '7', leaseOwner: 'worker-a' });
    expect(await store.leaseDue(1, 30_000, [], 'worker-b')).toEqual([]); // held

    now = new Date(now.getTime() + 31_000); // A's lease lapses while it is still working
    const [byB] = await store.leaseDue(1, 30_000, [], 'worker-b');
    expect(byB).toMatchObject({ leaseOwner: 'worker-b' });

    await expect(store.patch(byA!, { analysis: analysis(10) })).rejects.toThrow(StaleJobError);
    expect(await store.renewLease(31337, '7', 30_000, 'worker-a')).toBe(false);
    await store.release(byA!);
    await store.patch(byB!, { analysis: analysis(90) });
    expect(await store.renewLease(31337, '7', 30_000, 'worker-b')).toBe(true);

    const [row] = (await dataSource.query(
      `SELECT lease_owner, analysis->>'score' AS score FROM settlement_jobs WHERE market_id = '7'`,
    )) as Array<{ lease_owner: string; score: string }>;
    expect(row).toEqual({ lease_owner: 'worker-b', score: '90' });
  });
});
