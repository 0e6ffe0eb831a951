import type { Alert } from '../alerts/alert.model';
import type { FlushBatch } from '../grouping/aggregation-group.machine';
import { batchMessageOf } from './batch-message.util';
import { webhookMessageOf } from './webhook-message.util';

const now = new Date('2030-01-01T00:00:30Z');
const alertOf = (instance: string, endsAt?: Date): Alert => ({
  labels: { alertname: 'Down', instance },
  annotations: { summary: `down on ${instance}` },
  startsAt: new Date('2030-01-01T00:00:00Z'),
  updatedAt: new Date('2030-01-01T00:00:00Z'),
  ...(endsAt ? { endsAt } : {}),
});
const batchOf = (alerts: readonly Alert[], flushedAt = now): FlushBatch => ({
  groupKey: '{}:{alertname="Down"}',
  groupLabels: { alertname: 'Down' },
  routeId: '{}',
  receiver: 'ops',
  repeatIntervalMs: 4 * 3_600_000,
  flushedAt,
  alerts,
  firing: new Set(),
  resolved: new Set(),
});

describe(batchMessageOf.name, () => {
  it('is the webhook message about every alert of the batch', () => {
    const batch = batchOf([alertOf('a'), alertOf('b', new Date('2030-01-01T00:00:10Z'))]);
    expect(batchMessageOf(batch, 'http://router.test')).toEqual(
      webhookMessageOf(batch, 'http://router.test', now),
    );
  });

  it('returns the message prepared for the same alerts array to a later batch of the same content', () => {
    const alerts = [alertOf('a')];
    const prepared = batchMessageOf(batchOf(alerts), 'http://router.test');
    expect(batchMessageOf(batchOf(alerts, new Date(now.getTime() + 5)), 'http://router.test')).toBe(prepared);
  });

  it('builds a new message for other alerts or another external URL', () => {
    const alerts = [alertOf('a')];
    const prepared = batchMessageOf(batchOf(alerts), 'http://router.test');
    expect(batchMessageOf(batchOf([...alerts]), 'http://router.test')).not.toBe(prepared);
    const moved = batchMessageOf(batchOf(alerts), 'http://elsewhere.test');
    expect(moved.externalURL).toBe('http://elsewhere.test');
  });
});
