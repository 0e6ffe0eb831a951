import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const bin = resolve(__dirname, '../../bin/convergence.js');

/** How a `convergence` run ended. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `convergence` bin as a child process, as an operator would, with only `env`'s
 * CONVERGENCE_* settings (none inherited from the test process).
 *
 * @example const { code, stdout } = await runCli(['status'], { CONVERGENCE_GATEWAY_URL: url });
 */
export function runCli(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !key.startsWith('CONVERGENCE_') || key === 'CONVERGENCE_CACHE_DIR',
    ),
  );
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: resolve(__dirname, '../../../..'),
      env: { ...inherited, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
