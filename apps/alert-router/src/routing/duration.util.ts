// prometheus/common model.ParseDuration: units in strictly descending order, each at most once.
const DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const UNITS = [
  ['y', 365 * 24 * 3_600_000],
  ['w', 7 * 24 * 3_600_000],
  ['d', 24 * 3_600_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1000],
  ['ms', 1],
] as const;
// Go's time.Duration is int64 nanoseconds; beyond this Prometheus reports "duration out of range".
const MAX_DURATION_MS = 9_223_372_036_854;

/**
 * Milliseconds in a Prometheus duration string (`30s`, `5m`, `4h`, `1d`, `1h30m`, `0`), exactly as
 * Alertmanager's config parses `group_wait` and friends. Throws Prometheus' message otherwise.
 *
 * @example
 * parseDuration('1h30m') // 5_400_000
 */
export function parseDuration(text: string): number {
  if (text === '0') return 0;
  if (text === '') throw new Error('empty duration string');
  const parts = DURATION.exec(text);
  if (!parts) throw new Error(`not a valid duration string: ${JSON.stringify(text)}`);
  const ms = UNITS.reduce((sum, [, unitMs], i) => sum + Number(parts[i + 1] ?? 0) * unitMs, 0);
  if (ms > MAX_DURATION_MS) throw new Error('duration out of range');
  return ms;
}

/**
 * The duration as Prometheus prints it (`model.Duration.String`): largest units first, `0s` for zero.
 *
 * @example
 * formatDuration(5_400_000) // '1h30m'
 */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  let rest = ms;
  let text = '';
  for (const [unit, unitMs] of UNITS) {
    const count = Math.floor(rest / unitMs);
    if (count > 0) {
      text += `${count}${unit}`;
      rest -= count * unitMs;
    }
  }
  return text;
}
