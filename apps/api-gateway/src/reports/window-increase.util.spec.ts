import type { SamplePoint } from './metric-sample.model';
import { increaseIn, quantileOf, uptimeFromSamples } from './window-increase.util';

const t = (hours: number) => new Date(Date.UTC(2026, 10, 15) + hours * 3_600_000);
const window = { start: t(0), end: t(168) };
const point = (hours: number, value: number, started = -100, up = true): SamplePoint => ({
  at: t(hours),
  up,
  processStart: t(started),
  readings: { n: value },
});

describe(increaseIn.name, () => {
  it('is the growth since the last sample before the window, prorated across its start', () => {
    const increase = increaseIn([point(-1, 100), point(1, 120), point(100, 300)], 'n', window)!;
    // Half of the step from -1 h to +1 h lies inside the window.
    expect(increase.value).toBe(10 + 180);
    expect(increase).toMatchObject({ coveredFrom: window.start, coveredTo: t(100) });
  });

  it('adds what a restarted process counted again from 0', () => {
    const increase = increaseIn(
      [point(-1, 100), point(0, 100), point(10, 150), point(20, 30, 15)],
      'n',
      window,
    )!;
    expect(increase.value).toBe(50 + 30);
  });

  it('counts everything of a process that started inside the window', () => {
    expect(increaseIn([point(5, 40, 4), point(6, 45, 4)], 'n', window)).toEqual({
      value: 45,
      coveredFrom: t(4),
      coveredTo: t(6),
    });
  });

  it('covers only from the first sample when nothing before it is known', () => {
    expect(increaseIn([point(50, 1000), point(60, 1010)], 'n', window)).toEqual({
      value: 10,
      coveredFrom: t(50),
      coveredTo: t(60),
    });
  });

  it('ignores samples outside the window, and has nothing to say without samples in it', () => {
    expect(increaseIn([point(-5, 1), point(200, 9)], 'n', window)).toBeUndefined();
    expect(increaseIn([point(10, 5), point(170, 500)], 'n', window)!.value).toBe(0);
  });

  it('skips failed scrapes, which carry no readings', () => {
    const failed: SamplePoint = { at: t(11), up: false, processStart: null, readings: {} };
    expect(increaseIn([point(10, 5), failed, point(12, 8)], 'n', window)!.value).toBe(3);
  });
});

describe(quantileOf.name, () => {
  it('interpolates inside the bucket holding the rank, as histogram_quantile does', () => {
    const buckets = [
      { le: 0.1, count: 90 },
      { le: 0.5, count: 100 },
      { le: Infinity, count: 100 },
    ];
    expect(quantileOf(0.95, buckets)).toBeCloseTo(0.3);
    expect(quantileOf(0.5, buckets)).toBeCloseTo(0.1 * (50 / 90));
  });

  it('answers the highest finite bound when the rank falls in +Inf, and nothing without observations', () => {
    expect(
      quantileOf(0.99, [
        { le: 1, count: 1 },
        { le: Infinity, count: 10 },
      ]),
    ).toBe(1);
    expect(
      quantileOf(0.95, [
        { le: 1, count: 0 },
        { le: Infinity, count: 0 },
      ]),
    ).toBeUndefined();
  });
});

describe(uptimeFromSamples.name, () => {
  const interval = 3_600_000;
  const hourly = (from: number, to: number): Date[] =>
    Array.from({ length: to - from + 1 }, (_, i) => t(from + i));

  it('is 100% for samples every interval through the window', () => {
    expect(uptimeFromSamples(hourly(-1, 167), window, interval)).toEqual({ ratio: 1, from: window.start });
  });

  it('counts a gap longer than 1.5 intervals as down', () => {
    const times = [...hourly(-1, 50), ...hourly(62, 167)];
    // 12 h between samples, of which 1.5 h is tolerated.
    expect(uptimeFromSamples(times, window, interval)!.ratio).toBeCloseTo(1 - 10.5 / 168);
  });

  it('measures from the first sample when the process was not seen before the window', () => {
    const result = uptimeFromSamples(hourly(100, 167), window, interval)!;
    expect(result).toEqual({ ratio: 1, from: t(100) });
  });
});
