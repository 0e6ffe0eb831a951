import { Injectable } from '@nestjs/common';

/**
 * Counts deliveries in flight (every integration's attempts, retries included), so bookkeeping can
 * hold back while a burst of notifications is going out: when hundreds of groups flush at the same
 * moment, their sends come first and their database writes follow together.
 */
@Injectable()
export class DeliveryActivity {
  private inFlight = 0;
  private readonly waiting = new Set<() => void>();

  /** Marks a delivery as started; call the returned function once it ended. */
  begin(): () => void {
    this.inFlight++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.inFlight--;
      if (this.inFlight === 0) for (const wake of [...this.waiting]) wake();
    };
  }

  /** Runs `task` (on a later turn) once no delivery is in flight, or after `maxWaitMs` at the latest. */
  whenIdle(task: () => void, maxWaitMs: number): void {
    if (this.inFlight === 0) {
      setImmediate(task);
      return;
    }
    const wake = (): void => {
      this.waiting.delete(wake);
      clearTimeout(timer);
      setImmediate(task);
    };
    const timer = setTimeout(wake, maxWaitMs);
    this.waiting.add(wake);
  }
}
