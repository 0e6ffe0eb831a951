import { Client } from 'pg';
import { CliError } from '../cli.exception';
import { redactUrl } from './pg-connection-env.util';
import { serverMajorOf } from './postgres-version.util';

/** Row counts by schema, then table. */
export type RowCounts = Map<string, Map<string, number>>;

/**
 * The catalog questions and DDL that backup and restore need, on one connection: which schemas
 * hold service data, how many rows each table has, a snapshot pg_dump can share, scratch databases.
 */
export class PostgresDatabase {
  private constructor(
    private readonly client: Client,
    readonly url: string,
  ) {}

  /** Connects, or fails with a CliError naming the (redacted) URL and the reason. */
  static async connect(url: string): Promise<PostgresDatabase> {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    client.on('error', () => undefined); // a dropped connection surfaces on the next query
    try {
      await client.connect();
    } catch (error) {
      throw new CliError(
        'unreachable',
        `PostgreSQL at ${redactUrl(url)} is unreachable: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
    return new PostgresDatabase(client, url);
  }

  async serverVersion(): Promise<{ version: string; major: number }> {
    const { rows } = await this.client.query<{ version: string; num: string }>(
      `select current_setting('server_version') as version, current_setting('server_version_num') as num`,
    );
    const row = rows[0]!;
    return { version: row.version, major: serverMajorOf(row.num) };
  }

  async databaseName(): Promise<string> {
    const { rows } = await this.client.query<{ name: string }>('select current_database() as name');
    return rows[0]!.name;
  }

  /** Every schema that holds at least one table, other than PostgreSQL's own: the services' schemas. */
  async schemasWithTables(): Promise<string[]> {
    const { rows } = await this.client.query<{ name: string }>(
      `select n.nspname as name from pg_namespace n
        where n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
          and exists (select 1 from pg_class c where c.relnamespace = n.oid and c.relkind in ('r', 'p'))
        order by n.nspname`,
    );
    return rows.map((r) => r.name);
  }

  async schemaExists(schema: string): Promise<boolean> {
    const { rowCount } = await this.client.query('select 1 from pg_namespace where nspname = $1', [schema]);
    return (rowCount ?? 0) > 0;
  }

  async dropSchema(schema: string): Promise<void> {
    await this.client.query(`drop schema if exists ${this.client.escapeIdentifier(schema)} cascade`);
  }

  /** Exact `count(*)` of every table in `schemas`, in this connection's current transaction. */
  async rowCounts(schemas: readonly string[]): Promise<RowCounts> {
    const { rows: tables } = await this.client.query<{ schema: string; table: string }>(
      `select n.nspname as schema, c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and n.nspname = any($1) order by 1, 2`,
      [schemas],
    );
    const counts: RowCounts = new Map(schemas.map((s) => [s, new Map<string, number>()]));
    for (const { schema, table } of tables) {
      const q = `select count(*)::bigint as n from ${this.client.escapeIdentifier(schema)}.${this.client.escapeIdentifier(table)}`;
      const { rows } = await this.client.query<{ n: string }>(q);
      counts.get(schema)!.set(table, Number(rows[0]!.n));
    }
    return counts;
  }

  /**
   * Opens a repeatable-read transaction and exports its snapshot: pg_dump runs with `--snapshot`,
   * so every schema's dump and the row counts taken here see the same moment.
   */
  async beginSnapshot(): Promise<string> {
    await this.client.query('begin isolation level repeatable read read only');
    const { rows } = await this.client.query<{ id: string }>('select pg_export_snapshot() as id');
    return rows[0]!.id;
  }

  async endSnapshot(): Promise<void> {
    await this.client.query('rollback');
  }

  async createDatabase(name: string): Promise<void> {
    await this.client.query(`create database ${this.client.escapeIdentifier(name)}`);
  }

  async dropDatabase(name: string): Promise<void> {
    await this.client.query(`drop database if exists ${this.client.escapeIdentifier(name)} with (force)`);
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }
}
