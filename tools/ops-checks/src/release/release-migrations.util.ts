/** A TypeORM migration as committed (`apps/<app>/src/migrations/<timestamp>-<name>.ts`) or as applied. */
export interface MigrationRef {
  schema: string;
  timestamp: number;
  /** File name (release) or class name (applied). */
  name: string;
}

const MIGRATION_FILE = /^(\d{13})-[\w-]+\.ts$/;

/** The migrations a release ships for one app, from its migrations folder's file names. */
export function migrationsFromFiles(app: string, fileNames: readonly string[]): MigrationRef[] {
  const schema = app.replace(/-/g, '_');
  return fileNames
    .filter((f) => MIGRATION_FILE.test(f))
    .map((f) => ({ schema, timestamp: Number(MIGRATION_FILE.exec(f)![1]), name: f }))
    .sort((a, b) => a.timestamp - b.timestamp);
}

/** What deploying the release will do to the database, per schema. */
export interface MigrationPlan {
  /** In the release, not yet applied: the deploy applies them at boot. */
  pending: MigrationRef[];
  /** Applied in the database but unknown to the release: the release is older than the database. */
  unknown: MigrationRef[];
}

/**
 * Compares the release's migrations with those applied (TypeORM's `<schema>.migrations` rows),
 * matching by schema and timestamp.
 *
 * @example planMigrations(releaseMigrations, applied).pending.map((m) => m.name)
 */
export function planMigrations(
  release: readonly MigrationRef[],
  applied: readonly MigrationRef[],
): MigrationPlan {
  const key = (m: MigrationRef) => `${m.schema}:${m.timestamp}`;
  const appliedKeys = new Set(applied.map(key));
  const releaseKeys = new Set(release.map(key));
  return {
    pending: release.filter((m) => !appliedKeys.has(key(m))),
    unknown: applied.filter((m) => !releaseKeys.has(key(m))),
  };
}
