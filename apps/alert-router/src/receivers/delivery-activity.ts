import { Injectable } from '@nestjs/common';

/**
 * Counts deliveries in flight (every integration's attempts, retries included), so bookkeeping can
 * hold back while a burst of notifications is going out: when hundreds of groups flush at the same
 * moment, their sends come first and their database writes follow together.
 */
@Injectable()
export class DeliveryActivity {
  private inFlight = 0;
  /** `performance.now()` when a delivery last began or ended. */
  private lastChangeMs = Number.NEGATIVE_INFINITY;
  private readonly waiting = new Set<() => void>();

  /** Marks a delivery as started; call the returned function once it ended. */
  begin(): () => void {
    this.inFlight++;
    this.lastChangeMs = performance.now();
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.inFlight--;
      this.lastChangeMs = performance.now();
      if (this.inFlight === 0) for (const wake of [...this.waiting]) wake();
    };
  }

  /**
   * Runs `task` (on a later turn) once no delivery is in flight and none began or ended for
   * `quietMs` — a burst of flushes due a few milliseconds apart keeps it waiting until the burst is
   * over — or after `maxWaitMs` at the latest.
   */
  whenIdle(task: () => void, maxWaitMs: number, quietMs = 0): void {
    let done = false;
    let recheck: NodeJS.Timeout | undefined;
    const finish = (): void => {
      if (done) return;
      done = true;
      clearTimeout(deadline);
      clearTimeout(recheck);
      this.waiting.delete(wake);
      setImmediate(task);
    };
    const wake = (): void => {
      if (done || this.inFlight > 0) return;
      const quietForMs = performance.now() - this.lastChangeMs;
      if (quietForMs >= quietMs) return finish();
      clearTimeout(recheck);
      recheck = setTimeout(wake, quietMs - quietForMs);
    };
    const deadline = setTimeout(finish, maxWaitMs);
    this.waiting.add(wake);
    wake();
  }
}
