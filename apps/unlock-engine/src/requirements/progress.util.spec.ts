import { progressOf, unmetProgressOf } from './progress.util';

const ether = 10n ** 18n;

describe(progressOf.name, () => {
  it('is the share of the target reached', () => {
    expect(progressOf(40n * ether, 100n * ether)).toBe(0.4);
    expect(progressOf(1n, 3n)).toBe(0.333333);
  });

  it('is 1 at and above the target, and for a target of 0', () => {
    expect(progressOf(100n, 100n)).toBe(1);
    expect(progressOf(101n, 100n)).toBe(1);
    expect(progressOf(0n, 0n)).toBe(1);
  });

  it('stays below 1 one base unit short of a target past 2^256', () => {
    const target = 2n ** 256n;
    expect(progressOf(target - 1n, target)).toBe(0.999999);
  });

  it('is 0 with nothing', () => {
    expect(progressOf(0n, 5n)).toBe(0);
  });
});

describe(unmetProgressOf.name, () => {
  it('rounds down to a millionth and never reaches 1', () => {
    expect(unmetProgressOf(0.5)).toBe(0.5);
    expect(unmetProgressOf(0.1234567)).toBe(0.123456);
    expect(unmetProgressOf(0.9999999)).toBe(0.999999);
    expect(unmetProgressOf(1)).toBe(0.999999);
  });

  it('never goes below 0', () => {
    expect(unmetProgressOf(-0.5)).toBe(0);
  });
});
