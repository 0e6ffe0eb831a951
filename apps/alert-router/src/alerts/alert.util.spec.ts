import { compareAlerts, isResolved } from './alert.util';

const at = (iso: string): Date => new Date(iso);

describe(isResolved.name, () => {
  const now = at('2025-01-01T12:00:00Z');

  it('is false without an end time', () => {
    expect(isResolved({}, now)).toBe(false);
  });

  it('is true when the end time is now or earlier, false when later', () => {
    expect(isResolved({ endsAt: at('2025-01-01T12:00:00Z') }, now)).toBe(true);
    expect(isResolved({ endsAt: at('2025-01-01T11:59:59Z') }, now)).toBe(true);
    expect(isResolved({ endsAt: at('2025-01-01T12:00:01Z') }, now)).toBe(false);
  });
});

describe(compareAlerts.name, () => {
  // alert/alert_test.go TestAlertSliceSort.
  const a1 = { labels: { job: 'j1', instance: 'i1', alertname: 'an1' } };
  const a2 = { labels: { job: 'j1', instance: 'i1', alertname: 'an2' } };
  const a3 = { labels: { job: 'j2', instance: 'i1', alertname: 'an1' } };
  const a4 = { labels: { alertname: 'an1' } };
  const a5 = { labels: { alertname: 'an2' } };

  it.each([
    [
      [a2, a1],
      [a1, a2],
    ],
    [
      [a3, a2, a1],
      [a1, a2, a3],
    ],
    [
      [a4, a2, a4],
      [a2, a4, a4],
    ],
    [
      [a5, a4],
      [a4, a5],
    ],
  ])('sorts like Alertmanager TestAlertSliceSort case %#', (input, expected) => {
    expect([...input].sort(compareAlerts)).toEqual(expected);
  });
});
