/**
 * A rolling one-minute request window: `reserve(now)` takes a slot and returns 0, or returns how many
 * ms to wait before one frees up (taking nothing). Pure: the caller owns the clock and the sleeping.
 * @example const wait = window.reserve(Date.now()); if (wait > 0) await sleep(wait);
 */
export class RateWindow {
  private readonly taken: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
  ) {}

  reserve(now: number): number {
    while (this.taken.length > 0 && this.taken[0]! <= now - this.windowMs) this.taken.shift();
    if (this.taken.length < this.limit) {
      this.taken.push(now);
      return 0;
    }
    return this.taken[0]! + this.windowMs - now;
  }

  /** Requests in the current window (for /llm/usage and the rate alert). */
  inWindow(now: number): number {
    return this.taken.filter((t) => t > now - this.windowMs).length;
  }
}
