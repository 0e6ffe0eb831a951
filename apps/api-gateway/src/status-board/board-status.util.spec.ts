import { overallStatus } from './board-status.util';

describe(overallStatus.name, () => {
  const up = { postgres: 'up', kafka: 'up' } as const;

  it('is ok when everything is up', () => {
    expect(overallStatus(up, { oracle: { ready: 'up' }, 'unlock-engine': { ready: 'up' } })).toBe('ok');
  });

  it('is degraded when one service is down', () => {
    expect(overallStatus(up, { oracle: { ready: 'down' }, 'unlock-engine': { ready: 'up' } })).toBe(
      'degraded',
    );
  });

  it("is down when the gateway's own Postgres or Kafka is", () => {
    expect(overallStatus({ postgres: 'down', kafka: 'up' }, { oracle: { ready: 'up' } })).toBe('down');
  });
});
