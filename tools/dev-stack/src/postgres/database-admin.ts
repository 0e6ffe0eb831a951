import { Client } from 'pg';

/** Runs `fn` with a connected client for `url`, and always disconnects. */
export async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined); // a server going away after the query is not this helper's concern
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** `url` with its database replaced by `database`. */
export function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** `url` with the password replaced by `***` (for printing). */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

/** True when database `name` exists on the server `adminUrl` points at. */
export async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  return withClient(adminUrl, async (client) => {
    const result = await client.query('select 1 from pg_database where datname = $1', [name]);
    return (result.rowCount ?? 0) > 0;
  });
}

/** Creates database `name` (no-op when it exists) and returns its URL, on the server `adminUrl` points at. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  await withClient(adminUrl, async (client) => {
    const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount) return;
    await client
      .query(`create database ${client.escapeIdentifier(name)}`)
      .catch((error: { code?: string }) => {
        if (error.code !== '42P04') throw error; // created concurrently by another process: fine
      });
  }).catch((error: unknown) => {
    throw new Error(`Could not create database "${name}" at ${redactUrl(adminUrl)}`, { cause: error });
  });
  return databaseUrl(adminUrl, name);
}

/** Drops database `name` if it exists, disconnecting its sessions first (PostgreSQL 13+). */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
  }).catch((error: unknown) => {
    throw new Error(`Could not drop database "${name}" at ${redactUrl(adminUrl)}`, { cause: error });
  });
}

/** Resolves when `select 1` works at `url`; rejects with the connection error as cause. */
export async function checkPostgres(url: string): Promise<void> {
  await withClient(url, (client) => client.query('select 1'));
}
