/** The current time; injected (token `CLOCK`) so timing rules are tested without sleeping. */
export type Clock = () => Date;

/** Nest token of the service's `Clock`. */
export const CLOCK = Symbol('CLOCK');
