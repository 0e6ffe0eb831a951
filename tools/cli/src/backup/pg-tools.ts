import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { CliError } from '../cli.exception';
import { ensureFetchedPgClient } from './pg-client-fetch';
import { clientMajorOf, clientMismatchOf } from './postgres-version.util';

/** pg_dump and pg_restore of one installation, and where they were found. */
export interface PgTools {
  pgDump: string;
  pgRestore: string;
  major: number;
  version: string;
  source: 'CONVERGENCE_PG_BIN_DIR' | 'PATH' | 'fetched';
}

/** What a finished program printed and how it ended. */
export interface ProgramResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program to completion with `env` on top of this process's environment; rejects only when it cannot start. */
export function runProgram(
  command: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<ProgramResult> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? 1, stdout, stderr }));
  });
}

/**
 * A pg_dump / pg_restore pair whose major version is at least `serverMajor`: from
 * CONVERGENCE_PG_BIN_DIR when set (and then only from there), else the one on PATH if new enough,
 * else the pinned client fetched into the tools cache (pg-client-source.ts). A client that is too
 * old is refused with both versions named.
 */
export async function resolvePgTools(options: {
  pgBinDir: string | undefined;
  serverMajor: number;
  env: NodeJS.ProcessEnv;
  log: (message: string) => void;
}): Promise<PgTools> {
  if (options.pgBinDir) {
    const tools = await probe(options.pgBinDir, 'CONVERGENCE_PG_BIN_DIR');
    if (!tools) {
      throw new CliError(
        'config',
        `CONVERGENCE_PG_BIN_DIR ${options.pgBinDir} has no working pg_dump and pg_restore`,
      );
    }
    const mismatch = clientMismatchOf(`pg_dump in ${options.pgBinDir}`, tools.major, options.serverMajor);
    if (mismatch) throw new CliError('config', mismatch);
    return tools;
  }
  const onPath = await probe(undefined, 'PATH');
  if (onPath && !clientMismatchOf('pg_dump', onPath.major, options.serverMajor)) return onPath;
  if (onPath)
    options.log(
      `${clientMismatchOf('pg_dump on PATH', onPath.major, options.serverMajor)}; using the fetched client`,
    );

  let binDir: string;
  try {
    binDir = await ensureFetchedPgClient(options.env, options.log);
  } catch (error) {
    throw new CliError(
      'failed',
      `no pg_dump for PostgreSQL ${options.serverMajor}: ${(error as Error).message} (set CONVERGENCE_PG_BIN_DIR to a client of major ${options.serverMajor} or newer)`,
      { cause: error },
    );
  }
  const fetched = await probe(binDir, 'fetched');
  if (!fetched)
    throw new CliError('failed', `the fetched PostgreSQL client in ${binDir} does not run on this machine`);
  const mismatch = clientMismatchOf('the fetched pg_dump', fetched.major, options.serverMajor);
  if (mismatch) throw new CliError('config', `${mismatch}; set CONVERGENCE_PG_BIN_DIR to a newer client`);
  return fetched;
}

async function probe(binDir: string | undefined, source: PgTools['source']): Promise<PgTools | undefined> {
  const pgDump = binDir ? join(binDir, 'pg_dump') : 'pg_dump';
  const pgRestore = binDir ? join(binDir, 'pg_restore') : 'pg_restore';
  const [dump, restore] = await Promise.all(
    [pgDump, pgRestore].map((program) => runProgram(program, ['--version']).catch(() => undefined)),
  );
  if (dump?.code !== 0 || restore?.code !== 0) return undefined;
  const major = clientMajorOf(dump.stdout);
  const restoreMajor = clientMajorOf(restore.stdout);
  if (major === undefined || restoreMajor === undefined) return undefined;
  return { pgDump, pgRestore, major: Math.min(major, restoreMajor), version: dump.stdout.trim(), source };
}
