import type { ChildProcess } from 'node:child_process';

/** True once the child has exited (or was never started). */
export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null || child.pid === undefined;
}

/** Resolves when the child exits, or with false after `timeoutMs`. */
export function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (hasExited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, timeoutMs);
    const onExit = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

/** Sends SIGTERM (to the process group when `group`), waits up to `timeoutMs`, then SIGKILLs. */
export async function stopChild(
  child: ChildProcess,
  options: { timeoutMs?: number; group?: boolean } = {},
): Promise<void> {
  const { timeoutMs = 15_000, group = false } = options;
  if (hasExited(child)) return;
  signal(child, 'SIGTERM', group);
  if (await waitForExit(child, timeoutMs)) return;
  signal(child, 'SIGKILL', group);
  await waitForExit(child, 5_000);
}

function signal(child: ChildProcess, name: NodeJS.Signals, group: boolean): void {
  try {
    if (group && child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, name);
    else child.kill(name);
  } catch {
    // already gone
  }
}
