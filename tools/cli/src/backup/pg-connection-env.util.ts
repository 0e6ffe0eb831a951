/**
 * libpq's environment variables for a postgres:// URL, so pg_dump and pg_restore get the password
 * through their environment rather than on a command line every user of the machine can read.
 *
 * @example pgEnvOf('postgres://app:s3cret@db:5433/convergence?sslmode=require')
 * // { PGHOST: 'db', PGPORT: '5433', PGUSER: 'app', PGPASSWORD: 's3cret', PGDATABASE: 'convergence', PGSSLMODE: 'require' }
 */
export function pgEnvOf(url: string, database?: string): Record<string, string> {
  const parsed = new URL(url);
  const env: Record<string, string> = {
    PGHOST: decodeURIComponent(parsed.hostname.replace(/^\[(.*)\]$/, '$1')) || 'localhost',
    PGPORT: parsed.port || '5432',
    PGDATABASE: database ?? (decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'postgres'),
  };
  if (parsed.username) env['PGUSER'] = decodeURIComponent(parsed.username);
  if (parsed.password) env['PGPASSWORD'] = decodeURIComponent(parsed.password);
  const sslmode = parsed.searchParams.get('sslmode');
  if (sslmode) env['PGSSLMODE'] = sslmode;
  return env;
}

/** `url` pointing at `database` instead (a scratch database on the same server). */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** `url` with its password replaced by `***`, for messages. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
