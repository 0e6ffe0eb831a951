import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import type { Hex } from 'viem';
import { privateKeyToAddress } from 'viem/accounts';
import { findFreePort } from '../free-port';
import { LogTail, formatTail } from '../process/log-tail';
import { stopChild } from '../process/stop-child';
import { devAccountKeys } from './dev-accounts';
import { rpcRequest } from './rpc-request';

export const HARDHAT_CHAIN_ID = 31337;

export interface StartHardhatOptions {
  /** 0 or undefined: pick a free port. */
  port?: number;
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  /** How long to wait for `eth_chainId` to answer; default 60 s. */
  startTimeoutMs?: number;
}

export interface HardhatNode {
  rpcUrl: string;
  chainId: number;
  /** Private keys of the funded dev accounts, in the node's account order. */
  accounts: Hex[];
  /** SIGTERM, then SIGKILL after 5 s; safe to call twice. */
  stop(): Promise<void>;
}

const devStackRoot = resolve(__dirname, '..', '..');
const configPath = join(devStackRoot, 'hardhat.config.js');
const FREE_PORT_ATTEMPTS = 3;

/**
 * Starts a Hardhat node (chain 31337, automine, cancun) as a child process and waits until it answers.
 * @example
 * const node = await startHardhat();
 * try { await deployDemoContracts(node.rpcUrl, node.accounts[0]); } finally { await node.stop(); }
 */
export async function startHardhat(options: StartHardhatOptions = {}): Promise<HardhatNode> {
  const host = options.host ?? '127.0.0.1';
  const pickPort = !options.port;
  for (let attempt = 1; ; attempt++) {
    const port = pickPort ? await findFreePort(host) : (options.port as number);
    try {
      return await launch(host, port, options.startTimeoutMs ?? 60_000);
    } catch (error) {
      // Another process can grab a port between findFreePort and Hardhat binding it; try a fresh one.
      const portTaken = error instanceof Error && error.message.includes('EADDRINUSE');
      if (!pickPort || !portTaken || attempt >= FREE_PORT_ATTEMPTS) throw error;
    }
  }
}

async function launch(host: string, port: number, startTimeoutMs: number): Promise<HardhatNode> {
  // Otherwise the readiness probe could be answered by whatever already listens there.
  if (await portInUse(port, host)) {
    throw new Error(`Cannot start Hardhat: ${host}:${port} is in use (EADDRINUSE)`);
  }
  const args = [hardhatCli(), 'node', '--config', configPath, '--hostname', host, '--port', String(port)];
  const env = { ...process.env, HARDHAT_DISABLE_TELEMETRY_PROMPT: 'true', NO_COLOR: '1', FORCE_COLOR: '0' };
  const child = spawn(process.execPath, args, { cwd: devStackRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const stdoutTail = new LogTail(20);
  const stderrTail = new LogTail(40);
  child.stdout?.on('data', (chunk: Buffer) => stdoutTail.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => stderrTail.push(chunk));
  // A crashed or killed test runner must not leave the node running.
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async (): Promise<void> => {
    process.off('exit', killOnExit);
    await stopChild(child, { timeoutMs: 5_000 });
  };

  const rpcUrl = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${port}`;
  try {
    const chainId = await waitForChainId(child, rpcUrl, startTimeoutMs);
    if (chainId !== HARDHAT_CHAIN_ID) {
      throw new Error(`expected chain id ${HARDHAT_CHAIN_ID}, got ${chainId}`);
    }
    const accounts = devAccountKeys();
    await assertSameAccounts(rpcUrl, accounts);
    return { rpcUrl, chainId, accounts, stop };
  } catch (error) {
    await stop();
    const why = error instanceof Error ? error.message : String(error);
    const output = stderrTail.text().trim() ? stderrTail.text() : stdoutTail.text();
    throw new Error(formatTail(`Hardhat node on ${rpcUrl} failed to start: ${why}. Last output:`, output), {
      cause: error,
    });
  }
}

/** Polls `eth_chainId` until it answers; fails as soon as the process exits. */
async function waitForChainId(child: ChildProcess, rpcUrl: string, timeoutMs: number): Promise<number> {
  let onExit: (() => void) | undefined;
  const abort = new AbortController(); // drops an in-flight probe (which could hang on connect) once the node died
  const exited = new Promise<never>((_, reject) => {
    onExit = () => {
      abort.abort();
      reject(new Error(`process exited with ${child.exitCode ?? child.signalCode}`));
    };
    if (child.exitCode !== null || child.signalCode !== null) onExit();
    else child.once('exit', onExit);
  });
  exited.catch(() => undefined); // only observed through the races below
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  try {
    while (Date.now() < deadline) {
      try {
        return Number(await Promise.race([rpcRequest<Hex>(rpcUrl, 'eth_chainId', [], abort.signal), exited]));
      } catch (error) {
        if (child.exitCode !== null || child.signalCode !== null) throw error;
        lastError = error;
        await Promise.race([new Promise((done) => setTimeout(done, 100)), exited]);
      }
    }
  } finally {
    if (onExit) child.off('exit', onExit);
  }
  const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
  throw new Error(`eth_chainId did not answer within ${timeoutMs} ms${detail}`);
}

/** Guards against a config drift: the keys we hand out must be the accounts the node funded. */
async function assertSameAccounts(rpcUrl: string, keys: Hex[]): Promise<void> {
  const nodeAccounts = await rpcRequest<string[]>(rpcUrl, 'eth_accounts');
  const expected = keys.map((key) => privateKeyToAddress(key).toLowerCase());
  const actual = nodeAccounts.map((address) => address.toLowerCase());
  if (expected.join() !== actual.join()) {
    throw new Error(
      `node accounts ${actual.slice(0, 2).join(', ')}… differ from the dev keys (check hardhat.config.js)`,
    );
  }
}

/** True only for EADDRINUSE; other bind errors (bad host) are left for Hardhat to report. */
function portInUse(port: number, host: string): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) => done(error.code === 'EADDRINUSE'));
    server.listen(port, host, () => server.close(() => done(false)));
  });
}

function hardhatCli(): string {
  const packageJsonPath = require.resolve('hardhat/package.json');
  const { bin } = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { bin: { hardhat: string } };
  return join(dirname(packageJsonPath), bin.hardhat);
}
