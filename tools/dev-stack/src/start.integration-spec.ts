import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { findWorkspaceRoot } from './workspace-paths';

// The README's first command, end to end: the real stack and all five services, then Ctrl-C.
describe('npm start', () => {
  it('brings up the stack and every service, reports them ready, and stops cleanly on SIGINT', async () => {
    const root = findWorkspaceRoot(__dirname);
    const env = { ...process.env };
    // Use fresh servers, as a newcomer's `npm start` does, not the test stack's.
    delete env['KAFKA_BROKERS'];
    delete env['DATABASE_URL'];
    const child = spawn(process.execPath, [join(root, 'tools/dev-stack/start.js'), '--no-demo'], {
      cwd: root,
      env: { ...env, NO_COLOR: '1', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

    let deadline: NodeJS.Timeout | undefined;
    const up = await Promise.race([
      new Promise<boolean>((resolve) => {
        const timer = setInterval(() => {
          if (output.includes('Convergence is up')) {
            clearInterval(timer);
            resolve(true);
          }
        }, 200);
        void exited.then(() => clearInterval(timer));
      }),
      exited.then(() => false),
      new Promise<boolean>((resolve) => (deadline = setTimeout(() => resolve(false), 240_000))),
    ]);
    clearTimeout(deadline);
    if (!up) child.kill('SIGKILL');
    expect({ up, tail: up ? '' : output.slice(-3_000) }).toEqual({ up: true, tail: '' });
    for (const port of [3000, 3001, 3002, 3003, 3004]) {
      expect((await fetch(`http://127.0.0.1:${port}/ready`)).status).toBe(200);
    }
    // The local Solana cluster is up and the indexer follows the SPL Token program on it.
    expect(output).toMatch(/Solana\s+http:\/\/127\.0\.0\.1:\d+/);
    const programs = (await (await fetch('http://127.0.0.1:3001/solana/programs')).json()) as unknown;
    expect(JSON.stringify(programs)).toContain('TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA');

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('Stopped.');
  }, 300_000);
});
