/**
 * Node's real `process` object. Inside a Jest test, the global `process` is a per-test-file copy whose event
 * listeners ('exit', signals) are its own, so a last-resort 'exit' hook registered on it would never run, and
 * listeners that third-party modules loaded natively put on the real process could not be seen or removed.
 */
export const realProcess: NodeJS.Process = process.getBuiltinModule('node:process');
