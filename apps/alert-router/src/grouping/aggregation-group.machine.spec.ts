import type { Alert } from '../alerts/alert.model';
import { fingerprintOf } from '../alerts/fingerprint.util';
import { routeTreeOf } from '../routing/route-tree.util';
import { AggregationGroup } from './aggregation-group.machine';

const t0 = new Date('2025-01-01T12:00:00Z').getTime();
const at = (ms: number): Date => new Date(t0 + ms);
const SECOND = 1000;
const MINUTE = 60 * SECOND;

// group_wait 30s, group_interval 5m (Alertmanager's defaults), grouped by alertname.
const route = routeTreeOf({ receiver: 'ops', group_by: ['alertname'] }, ['ops']);

const alertOf = (instance: string, startsAt: Date, endsAt: Date, updatedAt: Date = startsAt): Alert => ({
  labels: { alertname: 'Down', instance },
  annotations: {},
  startsAt,
  endsAt,
  updatedAt,
});

function groupAt(start: number) {
  let now = start;
  const group = new AggregationGroup(route, { alertname: 'Down' }, () => at(now));
  return { group, setNow: (ms: number) => (now = ms) };
}

describe(AggregationGroup.name, () => {
  it('keys itself like Alertmanager: route key, colon, group labels', () => {
    expect(groupAt(0).group.groupKey).toBe('{}:{alertname="Down"}');
  });

  it('flushes first after group_wait and not before', () => {
    const { group } = groupAt(0);
    group.insert(alertOf('a', at(0), at(10 * MINUTE)));
    expect(group.nextFlushAt()).toEqual(at(30 * SECOND));
    expect(group.flush(at(29 * SECOND))).toBeUndefined();
    const batch = group.flush(at(30 * SECOND));
    expect(batch?.alerts.map((alert) => alert.labels['instance'])).toEqual(['a']);
    expect(batch).toMatchObject({
      groupKey: '{}:{alertname="Down"}',
      routeId: '{}',
      receiver: 'ops',
      repeatIntervalMs: 4 * 60 * MINUTE,
    });
  });

  it('flushes a group of old alerts at once instead of waiting group_wait', () => {
    const { group } = groupAt(0);
    group.insert(alertOf('a', at(-1 * 60 * MINUTE), at(10 * MINUTE)));
    expect(group.nextFlushAt()).toEqual(at(0));
    expect(group.flush(at(0))?.alerts).toHaveLength(1);
  });

  it('still waits for an alert that started exactly group_wait ago (strictly older flushes at once)', () => {
    const { group } = groupAt(0);
    group.insert(alertOf('a', at(-30 * SECOND), at(10 * MINUTE)));
    expect(group.nextFlushAt()).toEqual(at(30 * SECOND));
  });

  it('flushes on group_interval ticks after the first flush, even for old alerts', () => {
    const { group, setNow } = groupAt(0);
    group.insert(alertOf('a', at(0), at(60 * MINUTE)));
    group.flush(at(30 * SECOND));
    expect(group.nextFlushAt()).toEqual(at(30 * SECOND + 5 * MINUTE));
    setNow(MINUTE);
    group.insert(alertOf('b', at(-60 * MINUTE), at(60 * MINUTE)));
    expect(group.nextFlushAt()).toEqual(at(30 * SECOND + 5 * MINUTE));
    expect(group.flush(at(5 * MINUTE))).toBeUndefined();
    const batch = group.flush(at(30 * SECOND + 5 * MINUTE));
    expect(batch?.alerts.map((alert) => alert.labels['instance'])).toEqual(['a', 'b']);
    expect(group.nextFlushAt()).toEqual(at(30 * SECOND + 10 * MINUTE));
  });

  it('schedules the next flush from when the flush actually ran', () => {
    const { group } = groupAt(0);
    group.insert(alertOf('a', at(0), at(60 * MINUTE)));
    group.flush(at(45 * SECOND));
    expect(group.nextFlushAt()).toEqual(at(45 * SECOND + 5 * MINUTE));
  });

  it('sends firing alerts without their end time and resolved ones with it', () => {
    const { group } = groupAt(0);
    group.insert(alertOf('firing', at(0), at(10 * MINUTE)));
    group.insert(alertOf('resolved', at(0), at(20 * SECOND)));
    const batch = group.flush(at(30 * SECOND));
    const byInstance = new Map(batch?.alerts.map((alert) => [alert.labels['instance'], alert]));
    expect(byInstance.get('firing')?.endsAt).toBeUndefined();
    expect(byInstance.get('resolved')?.endsAt).toEqual(at(20 * SECOND));
    expect([...(batch?.firing ?? [])]).toEqual([fingerprintOf({ alertname: 'Down', instance: 'firing' })]);
    expect([...(batch?.resolved ?? [])]).toEqual([
      fingerprintOf({ alertname: 'Down', instance: 'resolved' }),
    ]);
  });

  it('counts an alert as resolved once its end time has passed at flush time', () => {
    const { group } = groupAt(0);
    group.insert(alertOf('a', at(0), at(MINUTE)));
    expect(group.flush(at(30 * SECOND))?.firing.size).toBe(1);
    expect(group.flush(at(30 * SECOND + 5 * MINUTE))?.resolved.size).toBe(1);
  });

  it('sorts the batch like Alertmanager notifications (job, instance, labels)', () => {
    const { group } = groupAt(0);
    for (const instance of ['c', 'a', 'b']) group.insert(alertOf(instance, at(0), at(10 * MINUTE)));
    expect(group.flush(at(30 * SECOND))?.alerts.map((alert) => alert.labels['instance'])).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('drops delivered resolved alerts and keeps firing ones', () => {
    const { group } = groupAt(0);
    group.insert(alertOf('firing', at(0), at(60 * MINUTE)));
    group.insert(alertOf('resolved', at(0), at(10 * SECOND)));
    const batch = group.flush(at(30 * SECOND));
    if (!batch) throw new Error('expected a batch');
    expect(group.markDelivered(batch)).toEqual({
      removed: [fingerprintOf({ alertname: 'Down', instance: 'resolved' })],
      droppable: false,
    });
    expect(
      group.flush(at(30 * SECOND + 5 * MINUTE))?.alerts.map((alert) => alert.labels['instance']),
    ).toEqual(['firing']);
  });

  it('reports the group droppable once every alert was sent resolved', () => {
    const { group } = groupAt(0);
    group.insert(alertOf('a', at(0), at(10 * SECOND)));
    const batch = group.flush(at(30 * SECOND));
    if (!batch) throw new Error('expected a batch');
    expect(group.isDroppable()).toBe(false);
    expect(group.markDelivered(batch).droppable).toBe(true);
    expect(group.flush(at(30 * SECOND + 5 * MINUTE))).toBeUndefined();
  });

  it('keeps resolved alerts whose delivery was not confirmed, to send them again', () => {
    const { group } = groupAt(0);
    group.insert(alertOf('a', at(0), at(10 * SECOND)));
    group.flush(at(30 * SECOND));
    expect(group.flush(at(30 * SECOND + 5 * MINUTE))?.resolved.size).toBe(1);
  });

  it('keeps an alert that fired again while its resolution was being sent', () => {
    const { group } = groupAt(0);
    group.insert(alertOf('a', at(0), at(10 * SECOND), at(10 * SECOND)));
    const batch = group.flush(at(30 * SECOND));
    if (!batch) throw new Error('expected a batch');
    group.insert(alertOf('a', at(0), at(60 * MINUTE), at(31 * SECOND)));
    expect(group.markDelivered(batch)).toEqual({ removed: [], droppable: false });
  });

  it('returns nothing for a due flush of an empty group but still moves to the next tick', () => {
    const { group } = groupAt(0);
    expect(group.flush(at(30 * SECOND))).toBeUndefined();
    expect(group.nextFlushAt()).toEqual(at(30 * SECOND + 5 * MINUTE));
  });

  describe('prepared ahead of the flush', () => {
    const instances = (batch: { alerts: readonly Alert[] } | undefined) =>
      batch?.alerts.map((alert) => `${alert.labels['instance']}:${alert.endsAt ? 'resolved' : 'firing'}`);

    it('flushes exactly the snapshot prepared for its moment when nothing changed', () => {
      const { group } = groupAt(0);
      group.insert(alertOf('b', at(0), at(10 * MINUTE)));
      group.insert(alertOf('a', at(0), at(20 * SECOND)));
      const prepared = group.prepare(at(30 * SECOND));
      expect(group.isPreparedFor(at(30 * SECOND))).toBe(true);
      const batch = group.flush(at(30 * SECOND));
      expect(batch?.alerts).toBe(prepared?.alerts);
      expect(batch?.flushedAt).toEqual(at(30 * SECOND));
      expect(instances(batch)).toEqual(['a:resolved', 'b:firing']);
    });

    it('reuses a prepared snapshot for a late flush while no alert ended in between', () => {
      const { group } = groupAt(0);
      group.insert(alertOf('a', at(0), at(10 * MINUTE)));
      const prepared = group.prepare(at(30 * SECOND));
      expect(group.flush(at(31 * SECOND))?.alerts).toBe(prepared?.alerts);
    });

    it('rebuilds the snapshot when an alert joined after it was prepared', () => {
      const { group, setNow } = groupAt(0);
      group.insert(alertOf('a', at(0), at(10 * MINUTE)));
      const prepared = group.prepare(at(30 * SECOND));
      setNow(29 * SECOND);
      group.insert(alertOf('b', at(29 * SECOND), at(10 * MINUTE)));
      expect(group.isPreparedFor(at(30 * SECOND))).toBe(false);
      const batch = group.flush(at(30 * SECOND));
      expect(batch?.alerts).not.toBe(prepared?.alerts);
      expect(instances(batch)).toEqual(['a:firing', 'b:firing']);
    });

    it('rebuilds the snapshot when an alert was resolved after it was prepared', () => {
      const { group, setNow } = groupAt(0);
      group.insert(alertOf('a', at(0), at(10 * MINUTE)));
      group.prepare(at(30 * SECOND));
      setNow(29 * SECOND);
      group.insert(alertOf('a', at(0), at(29 * SECOND), at(29 * SECOND)));
      const batch = group.flush(at(30 * SECOND));
      expect(instances(batch)).toEqual(['a:resolved']);
      expect(batch?.resolved.size).toBe(1);
    });

    it('rebuilds the snapshot when an alert ended between the prepared moment and a late flush', () => {
      const { group } = groupAt(0);
      group.insert(alertOf('a', at(0), at(31 * SECOND)));
      const prepared = group.prepare(at(30 * SECOND));
      expect(instances(prepared)).toEqual(['a:firing']);
      expect(group.isPreparedFor(at(31 * SECOND))).toBe(false);
      expect(instances(group.flush(at(31 * SECOND)))).toEqual(['a:resolved']);
    });

    it('rebuilds the snapshot once delivered resolved alerts left the group', () => {
      const { group } = groupAt(0);
      group.insert(alertOf('firing', at(0), at(60 * MINUTE)));
      group.insert(alertOf('resolved', at(0), at(10 * SECOND)));
      const batch = group.flush(at(30 * SECOND));
      if (!batch) throw new Error('expected a batch');
      group.prepare(at(30 * SECOND + 5 * MINUTE));
      group.markDelivered(batch);
      expect(group.isPreparedFor(at(30 * SECOND + 5 * MINUTE))).toBe(false);
      expect(instances(group.flush(at(30 * SECOND + 5 * MINUTE)))).toEqual(['firing:firing']);
    });

    it('does not let a view taken before the prepared moment replace the prepared snapshot', () => {
      const { group } = groupAt(0);
      group.insert(alertOf('a', at(0), at(10 * MINUTE)));
      const prepared = group.prepare(at(30 * SECOND));
      expect(group.snapshot(at(10 * SECOND))?.alerts).not.toBe(prepared?.alerts);
      expect(group.flush(at(30 * SECOND))?.alerts).toBe(prepared?.alerts);
    });

    it('keeps a prepared snapshot for one flush only', () => {
      const { group } = groupAt(0);
      group.insert(alertOf('a', at(0), at(60 * MINUTE)));
      group.prepare(at(30 * SECOND));
      group.flush(at(30 * SECOND));
      expect(group.isPreparedFor(at(30 * SECOND + 5 * MINUTE))).toBe(false);
    });
  });

  it('refuses a batch from another group', () => {
    const { group } = groupAt(0);
    const other = new AggregationGroup(route, { alertname: 'Other' }, () => at(0));
    other.insert({ ...alertOf('a', at(0), at(MINUTE)), labels: { alertname: 'Other' } });
    const batch = other.flush(at(30 * SECOND));
    if (!batch) throw new Error('expected a batch');
    expect(() => group.markDelivered(batch)).toThrow(/marked on group/);
  });
});
