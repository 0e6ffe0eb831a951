import { stageLaps } from './stage-laps.util';

describe('stageLaps', () => {
  it('observes each stage as the time since the previous lap, in seconds', () => {
    const observed: Array<[string, number]> = [];
    let now = 1_000;
    const lap = stageLaps({ observe: ({ stage }, seconds) => observed.push([stage, seconds]) }, () => now);
    now += 250;
    lap('idempotency');
    now += 1_500;
    lap('projection');
    lap('empty');
    expect(observed).toEqual([
      ['idempotency', 0.25],
      ['projection', 1.5],
      ['empty', 0],
    ]);
  });
});
