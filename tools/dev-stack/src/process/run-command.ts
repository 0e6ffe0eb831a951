import { spawn } from 'node:child_process';
import { LogTail, formatTail } from './log-tail';

export interface RunCommandOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

export interface RunCommandResult {
  stdout: string;
  stderr: string;
}

/** Runs a command to completion; rejects with the output tail when it fails, times out or cannot start. */
export function runCommand(
  command: string,
  args: string[],
  options: RunCommandOptions = {},
): Promise<RunCommandResult> {
  const { cwd, env = process.env, timeoutMs = 10 * 60_000 } = options;
  const shown = [command, ...args].join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    const tail = new LogTail(30);
    child.stdout.on('data', (chunk: Buffer) => (stdout.push(chunk), tail.push(chunk)));
    child.stderr.on('data', (chunk: Buffer) => (stderr.push(chunk), tail.push(chunk)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    timer.unref();
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`Could not run \`${shown}\`: ${error.message}`, { cause: error }));
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) {
        resolve({ stdout: Buffer.concat(stdout).toString(), stderr: Buffer.concat(stderr).toString() });
        return;
      }
      const why = timedOut ? `timed out after ${timeoutMs} ms` : `exited with ${code ?? signal}`;
      reject(new Error(formatTail(`\`${shown}\` ${why}. Last output:`, tail.text())));
    });
  });
}
