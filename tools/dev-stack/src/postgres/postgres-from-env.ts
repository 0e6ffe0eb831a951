import { checkPostgres, redactUrl } from './database-admin';
import { startPostgres, type PostgresHandle, type StartPostgresOptions } from './start-postgres';

/**
 * Uses `DATABASE_URL` when it is set (checking that it answers `select 1`; nothing is started, stop() does
 * nothing, and the same URL serves as admin URL), otherwise starts a local PostgreSQL with `options`.
 */
export async function useOrStartPostgres(
  options: StartPostgresOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<PostgresHandle & { external: boolean }> {
  const url = env['DATABASE_URL']?.trim();
  if (!url) return { ...(await startPostgres(options)), external: false };
  try {
    await checkPostgres(url);
  } catch (error) {
    const reason = error instanceof Error ? `: ${error.message}` : '';
    throw new Error(
      `DATABASE_URL=${redactUrl(url)} is set but PostgreSQL does not answer there${reason}. ` +
        'Start that server, or unset DATABASE_URL to let the dev stack run its own.',
      { cause: error },
    );
  }
  return { url, adminUrl: url, logFile: '', external: true, stop: async () => undefined };
}
