import { spawn, type ChildProcess } from 'node:child_process';
import { LogTail } from '../process/log-tail';
import { hasExited, stopChild } from '../process/stop-child';
import { pipeWithPrefix } from './prefix-lines';
import { serviceEntry, type ServiceDefinition } from './service-list';

export interface RunningService {
  definition: ServiceDefinition;
  child: ChildProcess;
  /** The last lines it printed (stdout and stderr). */
  tail: LogTail;
  /** Resolves when it exits, with its code or signal. */
  exited: Promise<string>;
  hasExited(): boolean;
  /** SIGTERM, then SIGKILL after `timeoutMs`. */
  stop(timeoutMs?: number): Promise<void>;
}

export interface RunServiceOptions {
  rootDir: string;
  env: NodeJS.ProcessEnv;
  /** e.g. `chain-indexer | ` */
  prefix: string;
  out?: NodeJS.WritableStream;
  err?: NodeJS.WritableStream;
}

/** Starts `node -r @swc-node/register apps/<name>/src/main.ts` with its output prefixed. */
export function runService(definition: ServiceDefinition, options: RunServiceOptions): RunningService {
  const { rootDir, env, prefix, out = process.stdout, err = process.stderr } = options;
  const child = spawn(process.execPath, ['-r', '@swc-node/register', serviceEntry(definition.name)], {
    cwd: rootDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail = new LogTail(30);
  const remember = (line: string): void => tail.push(`${line}\n`);
  pipeWithPrefix(child.stdout!, out, prefix, remember);
  pipeWithPrefix(child.stderr!, err, prefix, remember);
  const exited = new Promise<string>((resolve) => {
    child.once('error', (error) => resolve(`could not start: ${error.message}`));
    child.once('exit', (code, signal) =>
      resolve(signal ? `killed by ${signal}` : `exited with code ${code}`),
    );
  });
  return {
    definition,
    child,
    tail,
    exited,
    hasExited: () => hasExited(child),
    stop: (timeoutMs = 10_000) => stopChild(child, { timeoutMs }),
  };
}
