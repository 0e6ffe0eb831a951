import { CliError } from '../cli.exception';
import { pgEnvOf } from './pg-connection-env.util';
import { type PgTools, runProgram } from './pg-tools';

// The two programs a backup runs, with the connection in libpq's environment (password included)
// rather than on their command lines.

/** pg_dump of one schema, custom format, in the exported `snapshot`, into `file`. */
export async function dumpSchema(
  tools: PgTools,
  url: string,
  schema: string,
  snapshot: string,
  file: string,
): Promise<void> {
  const result = await runProgram(
    tools.pgDump,
    [
      '--format=custom',
      `--schema="${schema.replace(/"/g, '""')}"`,
      `--snapshot=${snapshot}`,
      '--no-password',
      `--file=${file}`,
    ],
    pgEnvOf(url),
  );
  if (result.code !== 0)
    throw new CliError('failed', `pg_dump of schema ${schema} failed:\n${result.stderr.trim()}`);
}

/** Restores one archive into `database` on the server `url` points at, all or nothing. */
export async function restoreArchive(
  tools: PgTools,
  url: string,
  database: string,
  file: string,
  extraArgs: readonly string[] = [],
): Promise<void> {
  const result = await runProgram(
    tools.pgRestore,
    ['--exit-on-error', '--single-transaction', '--no-password', `--dbname=${database}`, ...extraArgs, file],
    pgEnvOf(url, database),
  );
  if (result.code !== 0)
    throw new CliError('failed', `pg_restore of ${file} failed:\n${result.stderr.trim()}`);
}
