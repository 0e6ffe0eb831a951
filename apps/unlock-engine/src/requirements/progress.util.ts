// Progress is reported in millionths, rounded down, so a wallet one base unit short never shows 1.
const STEPS = 1_000_000;
const MAX_UNMET = (STEPS - 1) / STEPS;

/**
 * How far `current` is towards `target`, in 0..1: exactly 1 when `current >= target`, otherwise
 * rounded down to a millionth and so always below 1. Exact for amounts past 2^53.
 *
 * @example
 * progressOf(40n * 10n ** 18n, 100n * 10n ** 18n) // 0.4
 */
export function progressOf(current: bigint, target: bigint): number {
  if (current >= target) return 1;
  if (current <= 0n) return 0;
  return Number((current * BigInt(STEPS)) / target) / STEPS;
}

/**
 * A fraction for a node that is not met, rounded down to a millionth and kept in 0..0.999999, so
 * that a progress of 1 always means met.
 *
 * @example
 * unmetProgressOf(0.9999999) // 0.999999
 */
export function unmetProgressOf(fraction: number): number {
  return Math.min(Math.max(Math.floor(fraction * STEPS) / STEPS, 0), MAX_UNMET);
}
