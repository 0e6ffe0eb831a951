import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { PreflightResult } from './preflight.types';
import { migrationsFromFiles, planMigrations, type MigrationRef } from './release-migrations.util';

/** Every migration the release in `root` ships: apps/<app>/src/migrations/<timestamp>-<name>.ts. */
export function releaseMigrations(root: string): MigrationRef[] {
  return readdirSync(join(root, 'apps')).flatMap((app) => {
    const dir = join(root, 'apps', app, 'src', 'migrations');
    return existsSync(dir) ? migrationsFromFiles(app, readdirSync(dir)) : [];
  });
}

/** The migrations applied in each schema (TypeORM's `<schema>.migrations`; none when the table is missing). */
export async function appliedMigrations(
  databaseUrl: string,
  schemas: readonly string[],
): Promise<MigrationRef[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const applied: MigrationRef[] = [];
    for (const schema of schemas) {
      const table = await client.query<{ t: string | null }>('select to_regclass($1) as t', [
        `"${schema}"."migrations"`,
      ]);
      if (!table.rows[0]?.t) continue;
      const rows = await client.query<{ timestamp: string; name: string }>(
        `select timestamp, name from "${schema}"."migrations"`,
      );
      applied.push(...rows.rows.map((r) => ({ schema, timestamp: Number(r.timestamp), name: r.name })));
    }
    return applied;
  } finally {
    await client.end();
  }
}

/**
 * Pre-flight item `migrations`: the database holds nothing the release does not know (that would
 * be deploying older code over a newer schema), and the operator has reviewed the pending ones by
 * passing their count.
 */
export async function checkMigrations(
  root: string,
  databaseUrl: string,
  expectedPending?: number,
): Promise<PreflightResult> {
  const release = releaseMigrations(root);
  const schemas = [...new Set(release.map((m) => m.schema))];
  const plan = planMigrations(release, await appliedMigrations(databaseUrl, schemas));
  const details = [
    ...plan.pending.map((m) => `${m.schema}: ${m.name} pending (applied at boot)`),
    ...plan.unknown.map((m) => `${m.schema}: ${m.name} is applied but not in this release`),
  ];
  let ok = plan.unknown.length === 0;
  if (plan.pending.length > 0 && expectedPending !== plan.pending.length) {
    ok = false;
    details.push(
      `${plan.pending.length} migrations pending: review them, then pass --expect-pending-migrations ${plan.pending.length}`,
    );
  }
  if (!details.length) details.push('no migration pending');
  return { item: 'migrations', ok, details };
}
