import { percentileOf } from './latency-percentile.util';

describe(percentileOf.name, () => {
  it('returns the nearest-rank value whatever the input order', () => {
    expect(percentileOf([40, 10, 30, 20], 50)).toBe(20);
    expect(percentileOf([40, 10, 30, 20], 100)).toBe(40);
  });

  it('puts p95 of 1..100 at 95 and p50 at 50', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentileOf(values, 95)).toBe(95);
    expect(percentileOf(values, 50)).toBe(50);
  });

  it('gives the only value for any percentile of one sample', () => {
    expect(percentileOf([7], 1)).toBe(7);
    expect(percentileOf([7], 95)).toBe(7);
  });

  it('is undefined without samples', () => {
    expect(percentileOf([], 95)).toBeUndefined();
  });

  it('refuses a percentile outside (0, 100]', () => {
    expect(() => percentileOf([1], 0)).toThrow(RangeError);
    expect(() => percentileOf([1], 101)).toThrow(RangeError);
  });
});
