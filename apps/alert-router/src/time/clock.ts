/** The current time; injected (token `CLOCK`) so timing scenarios run in tests without sleeping. */
export type Clock = () => Date;

/** Nest token of the service's `Clock`. */
export const CLOCK = Symbol('CLOCK');

/** Nest token of the service's `Scheduler`. */
export const SCHEDULER = Symbol('SCHEDULER');

/** Cancels a scheduled task; calling it after the task ran does nothing. */
export type CancelTask = () => void;

/**
 * Runs tasks at a given time of the service's clock. The dispatcher and escalations use it for
 * every timer, so tests can swap in `ManualTime` and advance time step by step.
 */
export interface Scheduler {
  /** Runs `task` once `at` has come (at once if it is past). A task's rejection is the task's own business. */
  schedule(at: Date, task: () => Promise<void>): CancelTask;
}
