/**
 * Lets a statement already handed to the connection run while the caller does other work: marks its
 * promise as handled (a failure meanwhile is not an unhandled rejection — it surfaces where the
 * caller awaits the promise) and returns it unchanged.
 *
 * @example
 * const loading = inFlight(loader.load(manager, wallets, now));
 * await statementsSent();
 * const updates = buildProfileUpdates(); // Node works while Postgres runs the load
 * const states = await loading;
 */
export function inFlight<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/**
 * Resolves once pending microtasks and I/O callbacks have run: a query started before this (TypeORM
 * awaits a few microtasks before handing it to `pg`) has been written to its socket, so Postgres
 * executes it while this process goes on computing. Statements on one connection still run one
 * after another, in the order they were started.
 */
export function statementsSent(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
