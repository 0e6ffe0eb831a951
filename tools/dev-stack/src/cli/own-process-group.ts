import { spawn } from 'node:child_process';
import { constants } from 'node:os';

const SUPERVISED = 'CONVERGENCE_DEV_STACK_SUPERVISED';
const FORWARDED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Re-runs this script in a new process group and relays signals to it; resolves with the exit code to use.
 * Resolves undefined when this process already is that re-run (or on Windows): then just carry on.
 *
 * Why: a Ctrl-C in a terminal sends SIGINT to every process of the foreground group at once: the services,
 * the Kafka JVM, Hardhat and postgres would all stop together, in no order. In their own group only this
 * supervisor gets the (relayed) signal, and stops the services first, then the stack. The IPC channel tells the
 * supervisor when this launcher dies, so it never outlives it.
 */
export function runInOwnProcessGroup(): Promise<number> | undefined {
  if (process.env[SUPERVISED] === '1' || process.platform === 'win32') return undefined;
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, [SUPERVISED]: '1' },
  });
  const relay = (signal: NodeJS.Signals): void => {
    try {
      if (child.pid) process.kill(child.pid, signal);
    } catch {
      // already gone
    }
  };
  for (const signal of FORWARDED) process.on(signal, relay);
  return new Promise((resolve) => {
    child.once('error', (error) => {
      process.stderr.write(`Could not start the dev stack supervisor: ${error.message}\n`);
      resolve(1);
    });
    child.once('exit', (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0)));
  });
}

/** Calls `onOrphaned` when the launcher that runInOwnProcessGroup spawned us from goes away. */
export function onLauncherGone(onOrphaned: () => void): void {
  if (process.env[SUPERVISED] === '1' && process.connected) {
    process.once('disconnect', onOrphaned);
    process.channel?.unref(); // the IPC channel alone must not keep us alive
  }
}
