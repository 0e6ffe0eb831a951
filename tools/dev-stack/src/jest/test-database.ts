import { createDatabase, dropDatabase } from '../postgres/database-admin';
import { realProcess } from '../process/real-process';
import { TEST_ENV } from './test-env';

/**
 * Databases this worker process already created, kept on the real `process`: Jest gives every test file its
 * own module registry and `process` copy, and the database should be created once per worker, not per file.
 */
const CREATED_KEY = Symbol.for('convergence.dev-stack.worker-databases');

export interface WorkerDatabaseOptions {
  /** Drop and recreate it even if this worker already created it (e.g. in a previous test file). */
  fresh?: boolean;
}

/**
 * The URL of this Jest worker's own database, `test_w<JEST_WORKER_ID>`, on the test stack's PostgreSQL.
 * The first call in a worker process (re)creates it empty; later calls, from any test file the worker runs,
 * return the same URL, so tests clean up their own rows. Needs the dev-stack Jest global setup
 * (TEST_DATABASE_ADMIN_URL).
 * @example const url = await createWorkerDatabase();
 */
export function createWorkerDatabase(options: WorkerDatabaseOptions = {}): Promise<string> {
  const adminUrl = process.env[TEST_ENV.databaseAdminUrl];
  if (!adminUrl) {
    return Promise.reject(
      new Error(
        `${TEST_ENV.databaseAdminUrl} is not set: add the globalSetup and globalTeardown of tools/dev-stack/src/jest/ to this Jest config`,
      ),
    );
  }
  const name = `test_w${process.env['JEST_WORKER_ID'] ?? '1'}`;
  const holder = realProcess as unknown as Record<symbol, Map<string, Promise<string>> | undefined>;
  const created = (holder[CREATED_KEY] ??= new Map());
  let url = options.fresh ? undefined : created.get(name);
  if (!url) {
    url = dropDatabase(adminUrl, name).then(() => createDatabase(adminUrl, name));
    url.catch(() => created.delete(name)); // let a later call retry
    created.set(name, url);
  }
  return url;
}
