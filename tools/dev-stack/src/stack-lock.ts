import { existsSync, readFileSync } from 'node:fs';

/** Fails when `stackFile` describes a stack whose process still runs (it would lose its data to a fresh start). */
export function assertNoRunningStack(stackFile: string): void {
  if (!existsSync(stackFile)) return;
  let pid: number | undefined;
  try {
    pid = (JSON.parse(readFileSync(stackFile, 'utf8')) as { pid?: number }).pid;
  } catch {
    return; // unreadable: a leftover, not a running stack
  }
  if (!pid || pid === process.pid || !isAlive(pid)) return;
  throw new Error(
    `A dev stack already runs from this folder (pid ${pid}, see ${stackFile}). Stop it first (Ctrl-C in its terminal, or \`kill ${pid}\`).`,
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
