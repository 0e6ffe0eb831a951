import type { ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { findFreePort, isPortFree } from '../free-port';
import { LogTail, formatTail } from '../process/log-tail';
import { realProcess } from '../process/real-process';
import { hasExited, waitForExit } from '../process/stop-child';
import { createDatabase } from './database-admin';
import { loadEmbeddedPostgres, type EmbeddedPostgres } from './load-embedded-postgres';
import { postgresNativeDir } from './postgres-binaries';
import { grantPostgresUserAccess, isRoot, lookupUser } from './postgres-user-access';

export interface StartPostgresOptions {
  /** The cluster's data folder (created and initialised when it holds no cluster yet). */
  dataDir: string;
  /** A free port when omitted. */
  port?: number;
  /** Database created for the application, default `convergence`. */
  database?: string;
  startTimeoutMs?: number;
}

export interface PostgresHandle {
  /** URL of the application database. */
  url: string;
  /** URL of the `postgres` maintenance database, as the superuser: for creating and dropping databases. */
  adminUrl: string;
  /** Server output is appended here ('' for an external server). */
  logFile: string;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * initdb flags: UTF-8, C collation (same sort everywhere), no fsync of the fresh cluster. `--lc-messages=C`
 * overrides embedded-postgres's `--lc-messages=en_US.UTF-8`, which fails ("invalid locale name") on systems
 * without that locale generated, such as slim Debian images; C messages are English too, which its start-up
 * check ("ready to accept connections") relies on.
 */
const INITDB_FLAGS = ['--encoding=UTF8', '--locale=C', '--lc-messages=C', '--no-sync', '--no-instructions'];

/**
 * postgres flags for a throwaway local cluster: TCP on 127.0.0.1 only, no Unix socket (so no clash over
 * /tmp or /var/run/postgresql), and no durability work (fsync): a crash may lose the data, which is fine here.
 */
const POSTGRES_FLAGS = Object.entries({
  listen_addresses: HOST,
  unix_socket_directories: '',
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  max_connections: 200,
}).flatMap(([name, value]) => ['-c', `${name}=${value}`]);

/** Starts a local PostgreSQL with embedded-postgres and creates the application database. */
export async function startPostgres(options: StartPostgresOptions): Promise<PostgresHandle> {
  const { database = 'convergence', startTimeoutMs = 60_000 } = options;
  const dataDir = resolve(options.dataDir);
  const port = options.port ?? (await findFreePort(HOST));
  if (!(await isPortFree(port, HOST))) throw new Error(`Cannot start PostgreSQL: ${HOST}:${port} is in use`);
  const EmbeddedPostgresClass = await loadEmbeddedPostgres();
  const root = isRoot();
  if (root) await grantPostgresUserAccess(await lookupUser(USER), dataDir, postgresNativeDir());
  else await mkdir(dirname(dataDir), { recursive: true });

  const logFile = join(dirname(dataDir), `${basename(dataDir)}.log`);
  const logStream = createWriteStream(logFile, { flags: 'a' });
  const tail = new LogTail(40);
  const onLog = (message: unknown): void => {
    const text = message instanceof Error ? `${message.stack ?? message.message}\n` : String(message);
    tail.push(text);
    logStream.write(text);
  };
  const pg = new EmbeddedPostgresClass({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    initdbFlags: INITDB_FLAGS,
    postgresFlags: POSTGRES_FLAGS,
    createPostgresUser: root, // PostgreSQL refuses to run as root; see grantPostgresUserAccess
    onLog,
    onError: onLog,
  });

  // Last resort if the caller never calls stop() (an uncaught error): fast shutdown, do not leave postgres running.
  const killOnExit = (): void => {
    const child = serverProcess(pg);
    if (child && !hasExited(child)) child.kill('SIGINT');
  };
  realProcess.once('exit', killOnExit);
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      await stopEmbeddedPostgres(pg);
      realProcess.off('exit', killOnExit);
      await new Promise((done) => logStream.end(done));
    })());
  const fail = async (what: string, error: unknown): Promise<never> => {
    await stop();
    const cause = error instanceof Error ? error : new Error(String(error ?? 'postgres exited'));
    throw new Error(
      formatTail(`${what} (data in ${dataDir}, log in ${logFile}). Last output:`, tail.text()),
      { cause },
    );
  };

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    await pg
      .initialise()
      .catch((error: unknown) => fail(`Could not initialise a PostgreSQL cluster in ${dataDir}`, error));
  }
  await withTimeout(pg.start(), startTimeoutMs, `PostgreSQL did not start within ${startTimeoutMs} ms`).catch(
    (error: unknown) => fail(`PostgreSQL did not start on ${HOST}:${port}`, error),
  );

  const adminUrl = `postgres://${USER}:${PASSWORD}@${HOST}:${port}/postgres`;
  const url = await createDatabase(adminUrl, database).catch((error: unknown) =>
    fail(`PostgreSQL started on ${HOST}:${port} but database "${database}" could not be created`, error),
  );
  return { url, adminUrl, logFile, stop };
}

/**
 * embedded-postgres's stop() waits for an exit that never comes when postgres already exited (e.g. it got the
 * terminal's Ctrl-C itself), so only ask it when the process still runs, and fall back to SIGQUIT.
 */
async function stopEmbeddedPostgres(pg: EmbeddedPostgres, timeoutMs = 15_000): Promise<void> {
  const child = serverProcess(pg);
  if (!child || hasExited(child)) return;
  const stopped = await withTimeout(
    pg.stop().then(() => true),
    timeoutMs,
    '',
  ).catch(() => false);
  if (!stopped && !hasExited(child)) {
    child.kill('SIGQUIT'); // immediate shutdown
    await waitForExit(child, 5_000);
  }
}

/** The postgres child process embedded-postgres keeps in a private field (undefined before start / after stop). */
function serverProcess(pg: EmbeddedPostgres): ChildProcess | undefined {
  return (pg as unknown as { process?: ChildProcess }).process;
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
