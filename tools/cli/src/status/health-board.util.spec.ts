import type { HealthBoard } from '../gateway/gateway-responses.schema';
import { renderHealthBoard, statusFails } from './health-board.util';

const board: HealthBoard = {
  status: 'degraded',
  checkedAt: '2026-11-22T05:00:00.000Z',
  gateway: { postgres: 'up', kafka: 'up' },
  services: {
    oracle: { ready: 'up', latencyMs: 4 },
    'chain-indexer': { ready: 'down', latencyMs: 2001, error: 'fetch failed' },
  },
};

describe(renderHealthBoard.name, () => {
  it('puts the verdict first and one row per dependency and service', () => {
    expect(renderHealthBoard(board).split('\n')).toEqual([
      'overall: DEGRADED  (checked 2026-11-22T05:00:00.000Z)',
      '',
      'component               ready  latency  detail',
      '----------------------  -----  -------  ------------',
      'api-gateway → postgres  up',
      'api-gateway → kafka     up',
      'oracle                  up     4 ms',
      'chain-indexer           down   2001 ms  fetch failed',
    ]);
  });
});

describe(statusFails.name, () => {
  it('fails when down, and when degraded only if asked to', () => {
    expect(statusFails('down', false)).toBe(true);
    expect(statusFails('degraded', false)).toBe(false);
    expect(statusFails('degraded', true)).toBe(true);
    expect(statusFails('ok', true)).toBe(false);
  });
});
