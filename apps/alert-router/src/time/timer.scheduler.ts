import type { CancelTask, Scheduler } from './clock';

// setTimeout keeps delays in a signed 32-bit int; longer timers are re-armed in steps.
const MAX_TIMEOUT_MS = 2_147_483_647;

/** The production `Scheduler`: wall-clock timers that never keep the process alive on their own. */
export class TimerScheduler implements Scheduler {
  constructor(private readonly onError: (error: unknown) => void) {}

  schedule(at: Date, task: () => Promise<void>): CancelTask {
    let timer: NodeJS.Timeout | undefined;
    let cancelled = false;
    const arm = (): void => {
      const delay = at.getTime() - Date.now();
      timer = setTimeout(
        () => {
          if (cancelled) return;
          if (at.getTime() - Date.now() > 0) return arm();
          task().catch(this.onError);
        },
        Math.max(0, Math.min(delay, MAX_TIMEOUT_MS)),
      );
      timer.unref();
    };
    arm();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }
}
