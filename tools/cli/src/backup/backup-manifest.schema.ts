import { z } from 'zod';

/** Rows of one table when the backup was taken (in the dump's own snapshot). */
const tableCountSchema = z.object({ table: z.string(), rows: z.number().int().nonnegative() });

/**
 * `manifest.json` of a backup folder: what was dumped, from which server, with which client, and
 * the row count of every table — what `restore` and the verification compare against.
 */
export const backupManifestSchema = z.object({
  format: z.literal('convergence-backup/1'),
  createdAt: z.string().datetime(),
  database: z.string(),
  server: z.object({ version: z.string(), major: z.number().int() }),
  client: z.object({ version: z.string(), source: z.string() }),
  schemas: z.array(
    z.object({
      name: z.string(),
      /** The pg_dump custom-format archive, relative to the manifest. */
      file: z.string(),
      bytes: z.number().int(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      tables: z.array(tableCountSchema),
    }),
  ),
  verification: z
    .object({ verifiedAt: z.string().datetime(), scratchDatabase: z.string(), tables: z.number().int() })
    .nullable(),
});

export type BackupManifest = z.infer<typeof backupManifestSchema>;
export type SchemaBackup = BackupManifest['schemas'][number];

/** One table whose row count differs between two places. */
export interface CountMismatch {
  schema: string;
  table: string;
  expected: number;
  actual: number | 'missing';
}

/**
 * Tables whose row count in `actual` differs from the manifest's (a table missing from `actual`
 * counts as a mismatch; extra tables in `actual` do not, they are not the backup's).
 *
 * @example countMismatches(manifest.schemas, new Map([['oracle', new Map([['markets', 3]])]]))
 */
export function countMismatches(
  expected: readonly SchemaBackup[],
  actual: ReadonlyMap<string, ReadonlyMap<string, number>>,
): CountMismatch[] {
  const mismatches: CountMismatch[] = [];
  for (const schema of expected) {
    for (const { table, rows } of schema.tables) {
      const found = actual.get(schema.name)?.get(table);
      if (found !== rows)
        mismatches.push({ schema: schema.name, table, expected: rows, actual: found ?? 'missing' });
    }
  }
  return mismatches;
}
