import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../cli.exception';
import {
  type BackupManifest,
  type CountMismatch,
  backupManifestSchema,
  countMismatches,
} from './backup-manifest.schema';
import { restoreArchive } from './pg-archive';
import { resolvePgTools } from './pg-tools';
import { PostgresDatabase } from './postgres-database';

/** What `restore` needs: the backup folder, the target, and how (logging injected). */
export interface RestoreOptions {
  databaseUrl: string;
  fromDir: string;
  /** Only these schemas of the backup; all of them when empty. */
  schemas: readonly string[];
  /** Drop a schema that exists before restoring it; without it an existing schema is an error. */
  clean: boolean;
  /** Restored objects belong to the connecting role (pg_restore --no-owner). */
  noOwner: boolean;
  pgBinDir: string | undefined;
  env: NodeJS.ProcessEnv;
  log: (message: string) => void;
}

/** What a restore did: the schemas, and each table's rows as restored (all matching the manifest). */
export interface RestoreReport {
  manifest: BackupManifest;
  restored: { schema: string; tables: number; rows: number }[];
}

/**
 * `convergence restore`: checks the backup (manifest shape, every archive's SHA-256), then per
 * schema drops it when `clean` is set, runs pg_restore in one transaction, and compares every
 * table's row count with the manifest — a restore that does not match fails.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreReport> {
  const manifest = readManifest(options.fromDir);
  const chosen = chooseSchemas(manifest, options.schemas);
  const db = await PostgresDatabase.connect(options.databaseUrl);
  try {
    const existing = [];
    for (const schema of chosen) if (await db.schemaExists(schema.name)) existing.push(schema.name);
    if (existing.length > 0 && !options.clean) {
      throw new CliError(
        'failed',
        `schema ${existing.join(', ')} already exists; pass --clean to drop and replace it`,
      );
    }
    const server = await db.serverVersion();
    const tools = await resolvePgTools({
      pgBinDir: options.pgBinDir,
      serverMajor: Math.max(server.major, manifest.server.major),
      env: options.env,
      log: options.log,
    });
    if (server.major < manifest.server.major) {
      options.log(
        `warning: restoring a PostgreSQL ${manifest.server.major} backup into PostgreSQL ${server.major}; newer features may not restore`,
      );
    }

    const database = await db.databaseName();
    for (const schema of chosen) {
      if (existing.includes(schema.name)) {
        options.log(`dropping schema ${schema.name}`);
        await db.dropSchema(schema.name);
      }
      options.log(`restoring ${schema.name} from ${schema.file}`);
      await restoreArchive(tools, options.databaseUrl, database, join(options.fromDir, schema.file), [
        ...(options.noOwner ? ['--no-owner'] : []),
      ]);
    }

    const counts = await db.rowCounts(chosen.map((s) => s.name));
    const mismatches = countMismatches(chosen, counts);
    if (mismatches.length > 0) throw new CliError('failed', describeMismatches(mismatches));
    return {
      manifest,
      restored: chosen.map((s) => ({
        schema: s.name,
        tables: s.tables.length,
        rows: s.tables.reduce((n, t) => n + t.rows, 0),
      })),
    };
  } finally {
    await db.close();
  }
}

function readManifest(dir: string): BackupManifest {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) throw new CliError('config', `${path} does not exist: not a backup folder`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CliError('failed', `${path} is not JSON: ${(error as Error).message}`);
  }
  const parsed = backupManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new CliError('failed', `${path} is not a convergence backup manifest:\n${issues}`);
  }
  for (const schema of parsed.data.schemas) {
    const file = join(dir, schema.file);
    if (!existsSync(file)) throw new CliError('failed', `${file} is missing from the backup`);
    const digest = createHash('sha256').update(readFileSync(file)).digest('hex');
    if (digest !== schema.sha256)
      throw new CliError('failed', `${file} is damaged: its SHA-256 differs from the manifest's`);
  }
  return parsed.data;
}

function chooseSchemas(manifest: BackupManifest, asked: readonly string[]): BackupManifest['schemas'] {
  if (asked.length === 0) return manifest.schemas;
  const unknown = asked.filter((name) => !manifest.schemas.some((s) => s.name === name));
  if (unknown.length > 0) {
    throw new CliError(
      'config',
      `the backup has no schema ${unknown.join(', ')} (it has ${manifest.schemas.map((s) => s.name).join(', ')})`,
    );
  }
  return manifest.schemas.filter((s) => asked.includes(s.name));
}

function describeMismatches(mismatches: readonly CountMismatch[]): string {
  return `the restored data differs from the backup:\n${mismatches
    .map((m) => `  - ${m.schema}.${m.table}: ${m.expected} rows in the backup, ${m.actual} after restore`)
    .join('\n')}`;
}
