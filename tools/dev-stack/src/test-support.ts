import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary folder and a function removing it (for tests). */
export async function temporaryDir(prefix: string): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `convergence-${prefix}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
