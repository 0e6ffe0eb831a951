import type { Command } from 'commander';
import { join } from 'node:path';
import { CliError } from '../cli.exception';
import { backupDatabase } from '../backup/database-backup.service';
import { restoreBackup } from '../backup/database-restore.service';
import { toJson } from '../output/output';
import { renderTable } from '../output/text-table.util';
import { type CommandContext, contextOf } from './command-context';

/** `convergence backup` / `convergence restore`: pg_dump / pg_restore of every service schema, verified. */
export function registerBackupCommands(program: Command, env: NodeJS.ProcessEnv): void {
  program
    .command('backup')
    .description(
      'dump every service schema (pg_dump custom format + manifest.json), verified in a scratch database',
    )
    .option('--out <dir>', 'new folder for the backup (default ./convergence-backup-<time>)')
    .option('--schema <name...>', 'only these schemas (default: every schema with tables)')
    .option('--no-verify', 'skip restoring into a scratch database to compare row counts')
    .option('--database-url <url>', 'PostgreSQL URL (env CONVERGENCE_DATABASE_URL)')
    .option('--pg-bin-dir <dir>', 'folder with pg_dump/pg_restore (env CONVERGENCE_PG_BIN_DIR)')
    .action(async (options: { out?: string; schema?: string[]; verify: boolean }, command: Command) => {
      const context = contextOf(command, env);
      const now = new Date();
      const outDir =
        options.out ?? join(process.cwd(), `convergence-backup-${now.toISOString().replace(/[:.]/g, '-')}`);
      const manifest = await backupDatabase({
        databaseUrl: databaseUrlOf(context),
        outDir,
        schemas: options.schema ?? [],
        verify: options.verify,
        pgBinDir: context.config.CONVERGENCE_PG_BIN_DIR,
        env,
        log: (m) => context.output.err(m),
        now: () => new Date(),
      });
      const { output } = context;
      if (output.json) return output.out(toJson({ outDir, manifest }));
      const rows = manifest.schemas.map((s) => [
        s.name,
        String(s.tables.length),
        String(s.tables.reduce((n, t) => n + t.rows, 0)),
        s.file,
        `${s.bytes}`,
      ]);
      output.out(renderTable(['schema', 'tables', 'rows', 'file', 'bytes'], rows));
      output.out(
        manifest.verification
          ? `backup in ${outDir}, verified: ${manifest.verification.tables} tables restored with the same row counts`
          : `backup in ${outDir} (not verified)`,
      );
    });

  program
    .command('restore <dir>')
    .description('restore a backup folder made by `backup`, then compare every table with the manifest')
    .option('--schema <name...>', 'only these schemas of the backup')
    .option('--clean', 'drop a schema that exists before restoring it')
    .option('--no-owner', 'restored objects belong to the connecting role')
    .option('--database-url <url>', 'PostgreSQL URL (env CONVERGENCE_DATABASE_URL)')
    .option('--pg-bin-dir <dir>', 'folder with pg_dump/pg_restore (env CONVERGENCE_PG_BIN_DIR)')
    .action(
      async (
        dir: string,
        options: { schema?: string[]; clean?: boolean; owner: boolean },
        command: Command,
      ) => {
        const context = contextOf(command, env);
        const report = await restoreBackup({
          databaseUrl: databaseUrlOf(context),
          fromDir: dir,
          schemas: options.schema ?? [],
          clean: options.clean === true,
          noOwner: !options.owner,
          pgBinDir: context.config.CONVERGENCE_PG_BIN_DIR,
          env,
          log: (m) => context.output.err(m),
        });
        const { output } = context;
        if (output.json) return output.out(toJson(report));
        const rows = report.restored.map((r) => [r.schema, String(r.tables), String(r.rows)]);
        output.out(renderTable(['schema', 'tables', 'rows'], rows));
        output.out(
          `restored from ${dir} (backup of ${report.manifest.createdAt}); every table's row count matches`,
        );
      },
    );
}

function databaseUrlOf(context: CommandContext): string {
  const url = context.config.CONVERGENCE_DATABASE_URL;
  if (!url) throw new CliError('config', 'set CONVERGENCE_DATABASE_URL or pass --database-url');
  return url;
}
