import { confirmedUpTo, isConfirmed, isDeeperThanFinality } from './finality.util';

describe(isDeeperThanFinality.name, () => {
  it('allows reorgs up to the finality depth and flags anything deeper', () => {
    expect(isDeeperThanFinality(1, 64)).toBe(false);
    expect(isDeeperThanFinality(64, 64)).toBe(false);
    expect(isDeeperThanFinality(65, 64)).toBe(true);
  });
});

describe(confirmedUpTo.name, () => {
  it('counts the head as one confirmation, as viem does', () => {
    expect(confirmedUpTo(100n, 1)).toBe(100n);
    expect(confirmedUpTo(100n, 12)).toBe(89n);
  });

  it('treats zero confirmations like one (everything seen is confirmed)', () => {
    expect(confirmedUpTo(100n, 0)).toBe(100n);
  });

  it('is undefined while the chain is shorter than the confirmations asked for', () => {
    expect(confirmedUpTo(10n, 11)).toBe(0n);
    expect(confirmedUpTo(10n, 12)).toBeUndefined();
  });

  it('refuses a negative or fractional count', () => {
    expect(() => confirmedUpTo(10n, -1)).toThrow(RangeError);
    expect(() => confirmedUpTo(10n, 1.5)).toThrow(RangeError);
  });
});

describe(isConfirmed.name, () => {
  it('is true exactly for blocks at or below the confirmed height', () => {
    expect(isConfirmed(89n, 100n, 12)).toBe(true);
    expect(isConfirmed(90n, 100n, 12)).toBe(false);
    expect(isConfirmed(0n, 5n, 12)).toBe(false);
  });
});
