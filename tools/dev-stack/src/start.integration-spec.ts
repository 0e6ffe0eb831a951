import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { findWorkspaceRoot } from './workspace-paths';

// The README's first command, end to end: the real stack with its demo data and all five services, then Ctrl-C.
describe('npm start', () => {
  let child: ChildProcess | undefined;

  // A failed assertion must not leave the services holding ports 3000–3004: stop the stack as Ctrl-C does.
  afterAll(async () => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGINT');
    const timer = setTimeout(() => child!.kill('SIGKILL'), 60_000);
    await gone;
    clearTimeout(timer);
  }, 90_000);

  it('brings up the stack and every service, reports them ready, and stops cleanly on SIGINT', async () => {
    const root = findWorkspaceRoot(__dirname);
    const env = { ...process.env };
    // Use fresh servers, as a newcomer's `npm start` does, not the test stack's.
    delete env['KAFKA_BROKERS'];
    delete env['DATABASE_URL'];
    child = spawn(process.execPath, [join(root, 'tools/dev-stack/start.js')], {
      cwd: root,
      env: { ...env, NO_COLOR: '1', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));

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
    if (!up) child.kill('SIGINT');
    expect({ up, tail: up ? '' : output.slice(-3_000) }).toEqual({ up: true, tail: '' });
    for (const port of [3000, 3001, 3002, 3003, 3004]) {
      expect((await fetch(`http://127.0.0.1:${port}/ready`)).status).toBe(200);
    }
    // The local Solana cluster is up and the indexer follows the SPL Token program on it.
    expect(output).toMatch(/Solana\s+http:\/\/127\.0\.0\.1:\d+/);
    const programs = (await (await fetch('http://127.0.0.1:3001/solana/programs')).json()) as unknown;
    expect(JSON.stringify(programs)).toContain('TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA');
    // The demo's SPL transfers reach the unlock-engine's profiles through the indexer and Kafka.
    const [, mint, bob] = /Solana demo: mint (\w+), \d+ transfers between \w+ and (\w+)/.exec(output) ?? [];
    expect(mint && bob).toBeTruthy();
    // Bob received 250 + 100 + 5 of the 6-decimal token.
    let held: string | undefined;
    for (const until = Date.now() + 60_000; held !== '355000000' && Date.now() < until; ) {
      const profile = (await (await fetch(`http://127.0.0.1:3002/profiles/${bob}`)).json()) as {
        solana?: { balances?: Record<string, { total: string; confirmed: string }> };
      };
      held = profile.solana?.balances?.[mint!]?.total;
      if (held !== '355000000') await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(held).toBe('355000000');

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('Stopped.');
  }, 300_000);
});
