import type { CancelTask, Clock, Scheduler } from './clock';

interface PendingTask {
  readonly at: number;
  readonly seq: number;
  readonly task: () => Promise<void>;
  cancelled: boolean;
}

/**
 * A clock and scheduler that only move when told to: `advanceTo` runs every task that falls due,
 * in time order, awaiting each, and the clock reads each task's own time while it runs. Used by the
 * integration tests (and usable in any environment) instead of sleeping through group waits.
 *
 * @example
 * const time = new ManualTime(new Date('2026-01-01T00:00:00Z'));
 * await time.advanceBy(30_000); // runs the group_wait flush
 */
export class ManualTime implements Scheduler {
  private nowMs: number;
  private seq = 0;
  private readonly pending: PendingTask[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(start: Date) {
    this.nowMs = start.getTime();
  }

  /** The `Clock` to inject. */
  readonly clock: Clock = () => new Date(this.nowMs);

  schedule(at: Date, task: () => Promise<void>): CancelTask {
    const entry: PendingTask = { at: at.getTime(), seq: this.seq++, task, cancelled: false };
    this.pending.push(entry);
    return () => {
      entry.cancelled = true;
    };
  }

  /** Moves time forward to `target`, running due tasks (including ones they schedule) in order. */
  advanceTo(target: Date): Promise<void> {
    // Serialised, so concurrent callers cannot interleave time.
    const run = this.queue.then(() => this.runUntil(target.getTime()));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** `advanceTo(now + ms)`. */
  advanceBy(ms: number): Promise<void> {
    return this.advanceTo(new Date(this.nowMs + ms));
  }

  /** Runs what is already due without moving the clock (e.g. tasks scheduled "at once"). */
  runDue(): Promise<void> {
    return this.advanceTo(new Date(this.nowMs));
  }

  private async runUntil(targetMs: number): Promise<void> {
    for (;;) {
      const next = this.nextDue(targetMs);
      if (!next) break;
      this.pending.splice(this.pending.indexOf(next), 1);
      this.nowMs = Math.max(this.nowMs, next.at);
      await next.task();
    }
    this.nowMs = Math.max(this.nowMs, targetMs);
  }

  private nextDue(targetMs: number): PendingTask | undefined {
    for (const cancelled of this.pending.filter((p) => p.cancelled)) {
      this.pending.splice(this.pending.indexOf(cancelled), 1);
    }
    return this.pending.filter((p) => p.at <= targetMs).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
  }
}
