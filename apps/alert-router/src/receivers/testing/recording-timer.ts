import type { DeliveryTimer } from '../delivery-timer';

/**
 * A DeliveryTimer for tests: `sleep` returns at once and moves virtual time forward, recording each
 * requested delay, so a test can assert the backoff (or Retry-After) it was asked to wait.
 */
export class RecordingTimer implements DeliveryTimer {
  readonly sleeps: number[] = [];
  private virtualMs = 0;

  now(): number {
    return this.virtualMs;
  }

  sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.virtualMs += ms;
    return Promise.resolve();
  }

  /** Moves time as if a slow request had taken `ms`. */
  advance(ms: number): void {
    this.virtualMs += ms;
  }
}
