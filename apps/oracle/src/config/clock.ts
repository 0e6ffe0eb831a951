/** Injectable time (DESIGN.md): budgets, the monitor, backoff and VRF timeouts read it, tests replace it. */
export const CLOCK = Symbol('oracle.clock');

export type Clock = () => Date;
