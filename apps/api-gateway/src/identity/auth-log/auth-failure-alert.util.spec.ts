import { topics } from '@convergence/schemas';
import { authFailureAlert, crossesThreshold } from './auth-failure-alert.util';

describe(crossesThreshold.name, () => {
  it('fires on the sixth failure with a threshold of five, and only then', () => {
    expect([4, 5, 6, 7].map((n) => crossesThreshold(n, 5))).toEqual([false, false, true, false]);
  });
});

describe(authFailureAlert.name, () => {
  it('is a valid alerts.raw.v1 event naming the address', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const alert = authFailureAlert({
      kind: 'wallet',
      address: '0x' + 'a'.repeat(40),
      failures: 6,
      threshold: 5,
      now,
    });
    expect(topics.alertsRaw.schema.safeParse(alert.data).success).toBe(true);
    expect(alert.data.labels).toEqual({
      alertname: 'GatewayAuthFailures',
      service: 'api-gateway',
      severity: 'warning',
      wallet: '0x' + 'a'.repeat(40),
    });
    expect(alert.data.endsAt).toBe('2026-01-01T01:00:00.000Z');
  });
});
