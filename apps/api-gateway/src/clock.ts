/** Injected wherever time decides something (expiry, windows), so tests can move it. */
export const CLOCK = Symbol('CLOCK');
export type Clock = () => Date;
