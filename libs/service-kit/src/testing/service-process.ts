import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const workspaceRoot = resolve(__dirname, '../../../..');

export interface ServiceProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  readonly exited: Promise<number | null>;
  /** SIGTERM (graceful) and wait; SIGKILL after the grace period. */
  stop(graceMs?: number): Promise<number | null>;
}

/** A free TCP port on loopback, for a service under test. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts `apps/<app>/src/main.ts` as its own process (TypeScript through @swc-node/register), the
 * way `npm start` does, with `env` on top of this process's environment.
 *
 * @example
 * const svc = await spawnService('unlock-engine', { DATABASE_URL, KAFKA_BROKERS });
 * await waitForReady(svc);
 */
export async function spawnService(app: string, env: Record<string, string>): Promise<ServiceProcess> {
  const port = env['PORT'] ?? String(await freePort());
  const child = spawn(process.execPath, ['-r', '@swc-node/register', `apps/${app}/src/main.ts`], {
    cwd: workspaceRoot,
    env: { ...process.env, LOG_LEVEL: 'info', HOST: '127.0.0.1', ...env, PORT: port },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    exited,
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Polls `GET /ready` until 200; fails with the process output if it exits or the timeout passes. */
export async function waitForReady(service: ServiceProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) {
      throw new Error(
        `service exited with ${service.child.exitCode} before ready:\n${service.output().slice(-4_000)}`,
      );
    }
    const status = await fetch(`${service.url}/ready`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`service not ready after ${timeoutMs} ms:\n${service.output().slice(-4_000)}`);
}
