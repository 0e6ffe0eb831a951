import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../cli.exception';
import { type BackupManifest, countMismatches } from './backup-manifest.schema';
import { dumpSchema, restoreArchive } from './pg-archive';
import { withDatabase } from './pg-connection-env.util';
import { type PgTools, resolvePgTools } from './pg-tools';
import { PostgresDatabase } from './postgres-database';

/** What `backup` needs: where from, where to, and how (time and logging injected). */
export interface BackupOptions {
  databaseUrl: string;
  outDir: string;
  /** Only these schemas; every schema with tables when empty. */
  schemas: readonly string[];
  verify: boolean;
  pgBinDir: string | undefined;
  env: NodeJS.ProcessEnv;
  log: (message: string) => void;
  now: () => Date;
}

/**
 * `convergence backup`: one pg_dump custom-format archive per service schema, all taken in one
 * exported snapshot, and `manifest.json` with the server and client versions and every table's
 * row count. Unless told not to, the backup is then verified: every archive is restored into a
 * scratch database on the same server and each table's rows are counted again.
 */
export async function backupDatabase(options: BackupOptions): Promise<BackupManifest> {
  if (existsSync(options.outDir) && readdirSync(options.outDir).length > 0) {
    throw new CliError('config', `${options.outDir} is not empty; give --out a new folder`);
  }
  const db = await PostgresDatabase.connect(options.databaseUrl);
  try {
    const server = await db.serverVersion();
    const tools = await resolvePgTools({
      pgBinDir: options.pgBinDir,
      serverMajor: server.major,
      env: options.env,
      log: options.log,
    });
    options.log(`using ${tools.version} (${tools.source}) against PostgreSQL ${server.version}`);
    const database = await db.databaseName();
    const schemas = await chooseSchemas(db, options.schemas);
    mkdirSync(options.outDir, { recursive: true });

    const snapshot = await db.beginSnapshot();
    let manifest: BackupManifest;
    try {
      const counts = await db.rowCounts(schemas);
      const entries: BackupManifest['schemas'] = [];
      for (const schema of schemas) {
        const file = `${fileSafe(schema)}.dump`;
        const tables = [...(counts.get(schema) ?? new Map<string, number>())].map(([table, rows]) => ({
          table,
          rows,
        }));
        options.log(
          `dumping ${schema} (${tables.length} tables, ${tables.reduce((n, t) => n + t.rows, 0)} rows)`,
        );
        await dumpSchema(tools, options.databaseUrl, schema, snapshot, join(options.outDir, file));
        const bytes = readFileSync(join(options.outDir, file));
        entries.push({
          name: schema,
          file,
          bytes: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          tables,
        });
      }
      manifest = {
        format: 'convergence-backup/1',
        createdAt: options.now().toISOString(),
        database,
        server,
        client: { version: tools.version, source: tools.source },
        schemas: entries,
        verification: null,
      };
    } finally {
      await db.endSnapshot();
    }
    writeManifest(options.outDir, manifest);

    if (options.verify) {
      manifest = { ...manifest, verification: await verifyInScratch(db, tools, options, manifest) };
      writeManifest(options.outDir, manifest);
    }
    return manifest;
  } finally {
    await db.close();
  }
}

async function chooseSchemas(db: PostgresDatabase, asked: readonly string[]): Promise<string[]> {
  const present = await db.schemasWithTables();
  if (asked.length === 0) {
    if (present.length === 0)
      throw new CliError('failed', 'the database has no schema with tables to back up');
    return present;
  }
  const unknown = asked.filter((s) => !present.includes(s));
  if (unknown.length > 0) {
    throw new CliError(
      'config',
      `no such schema with tables: ${unknown.join(', ')} (present: ${present.join(', ') || 'none'})`,
    );
  }
  return [...new Set(asked)];
}

async function verifyInScratch(
  db: PostgresDatabase,
  tools: PgTools,
  options: BackupOptions,
  manifest: BackupManifest,
): Promise<NonNullable<BackupManifest['verification']>> {
  const scratch = `convergence_verify_${randomBytes(4).toString('hex')}`;
  options.log(`verifying: restoring into scratch database ${scratch}`);
  try {
    await db.createDatabase(scratch);
  } catch (error) {
    throw new CliError(
      'failed',
      `cannot create the scratch database for verification (${(error as Error).message}); grant CREATEDB or pass --no-verify`,
      { cause: error },
    );
  }
  try {
    for (const schema of manifest.schemas) {
      await restoreArchive(tools, options.databaseUrl, scratch, join(options.outDir, schema.file));
    }
    const restored = await PostgresDatabase.connect(withDatabase(options.databaseUrl, scratch));
    let counts;
    try {
      counts = await restored.rowCounts(manifest.schemas.map((s) => s.name));
    } finally {
      await restored.close();
    }
    const mismatches = countMismatches(manifest.schemas, counts);
    if (mismatches.length > 0) {
      throw new CliError(
        'failed',
        `verification failed, the restored copy differs:\n${mismatches
          .map((m) => `  - ${m.schema}.${m.table}: ${m.expected} rows backed up, ${m.actual} restored`)
          .join('\n')}`,
      );
    }
    return {
      verifiedAt: options.now().toISOString(),
      scratchDatabase: scratch,
      tables: manifest.schemas.reduce((n, s) => n + s.tables.length, 0),
    };
  } finally {
    await db.dropDatabase(scratch);
  }
}

function writeManifest(dir: string, manifest: BackupManifest): void {
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** A schema name as a file name: letters, digits, `_`, `-` and `.` as they are, the rest encoded. */
function fileSafe(schema: string): string {
  return schema.replace(/[^A-Za-z0-9_.-]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
