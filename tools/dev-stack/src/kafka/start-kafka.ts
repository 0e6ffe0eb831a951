import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultCacheDir } from '../cache-dir';
import { findFreePort, isPortFree } from '../free-port';
import { LogTail, formatTail } from '../process/log-tail';
import { realProcess } from '../process/real-process';
import { runCommand } from '../process/run-command';
import { hasExited, stopChild } from '../process/stop-child';
import { randomClusterId } from './cluster-id';
import { ensureKafkaJars } from './ensure-kafka-jars';
import { requireJava } from './java-tools';
import { waitForKafka } from './probe-kafka';
import { log4jProperties, serverProperties } from './server-properties';

export interface StartKafkaOptions {
  /** Folder for server.properties, the log file and the broker's data (created if missing). */
  dataDir: string;
  /** Client (PLAINTEXT) port; a free one when omitted. */
  port?: number;
  /** KRaft controller port; a free one when omitted. */
  controllerPort?: number;
  /** Where the jars are cached; `$CONVERGENCE_CACHE_DIR` or `~/.cache/convergence` when omitted. */
  cacheDir?: string;
  /** JVM heap ceiling, default 512m. */
  maxHeap?: string;
  /** How long to wait for the broker to answer, default 90 s. */
  startTimeoutMs?: number;
  /**
   * Run the JVM in its own process group, so a Ctrl-C in the terminal does not reach it and the
   * caller decides when it stops (the `npm start` CLI). Default false: it then dies with the terminal's
   * Ctrl-C together with its parent (Jest), which leaves no stray broker behind.
   */
  detached?: boolean;
}

export interface KafkaHandle {
  brokers: string[];
  /** The broker's output (warnings and errors) is appended here. */
  logFile: string;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

/** Starts a single-node Apache Kafka (KRaft) broker from the cached Maven jars; resolves once a client can use it. */
export async function startKafka(options: StartKafkaOptions): Promise<KafkaHandle> {
  const {
    dataDir,
    cacheDir = defaultCacheDir(),
    maxHeap = '512m',
    startTimeoutMs = 90_000,
    detached = false,
  } = options;
  const java = requireJava();
  const libs = await ensureKafkaJars(cacheDir);
  const port = options.port ?? (await findFreePort(HOST));
  let controllerPort = options.controllerPort ?? (await findFreePort(HOST));
  while (controllerPort === port) controllerPort = await findFreePort(HOST);
  for (const [what, value] of [
    ['port', port],
    ['controller port', controllerPort],
  ] as const) {
    if (!(await isPortFree(value, HOST)))
      throw new Error(`Cannot start Kafka: its ${what} ${HOST}:${value} is in use`);
  }

  await mkdir(dataDir, { recursive: true });
  const logDir = join(dataDir, 'data');
  const configFile = join(dataDir, 'server.properties');
  const log4jFile = join(dataDir, 'log4j.properties');
  const logFile = join(dataDir, 'kafka.log');
  await writeFile(configFile, serverProperties({ host: HOST, port, controllerPort, logDir }));
  await writeFile(log4jFile, log4jProperties());

  // Tuned for start-up time and a small footprint, not throughput: the C1 compiler only and the serial GC
  // start the broker in ~3.5 s instead of ~6 s on a 2-CPU machine, and a dev broker carries little load.
  const jvmArgs = [
    '-cp',
    `${libs}/*`,
    `-Xmx${maxHeap}`,
    '-Xms128m',
    '-XX:+UseSerialGC',
    '-XX:TieredStopAtLevel=1',
    '-Djava.awt.headless=true',
    `-Dlog4j.configuration=file:${log4jFile}`,
    `-Dkafka.logs.dir=${dataDir}`,
  ];

  if (!existsSync(join(logDir, 'meta.properties'))) {
    try {
      await runCommand(
        java,
        [...jvmArgs, 'kafka.tools.StorageTool', 'format', '-t', randomClusterId(), '-c', configFile],
        {
          cwd: dataDir,
          timeoutMs: 60_000,
        },
      );
    } catch (error) {
      throw new Error(`Could not format the Kafka storage in ${logDir}`, { cause: error });
    }
  }

  const tail = new LogTail(40);
  const logStream = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(java, [...jvmArgs, 'kafka.Kafka', configFile], {
    cwd: dataDir,
    detached,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk: Buffer) => {
      tail.push(chunk);
      logStream.write(chunk);
    });
  }
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  // Last resort if the caller never calls stop() (an uncaught error): do not leave a broker running.
  const killOnExit = (): void => void (hasExited(child) || child.kill('SIGKILL'));
  realProcess.once('exit', killOnExit);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      await stopChild(child, { timeoutMs: 20_000 });
      realProcess.off('exit', killOnExit);
      await new Promise((resolve) => logStream.end(resolve));
    })());

  const brokers = [`${HOST}:${port}`];
  try {
    await waitForKafka(brokers, {
      timeoutMs: startTimeoutMs,
      abortCheck: () => {
        if (spawnError) throw new Error(`Could not start \`${java}\``, { cause: spawnError });
        if (hasExited(child)) throw new Error(`exited with ${child.exitCode ?? child.signalCode}`);
      },
    });
  } catch (error) {
    await stop();
    const message = `Kafka did not start on ${brokers[0]} (data in ${dataDir}, log in ${logFile})`;
    throw new Error(formatTail(`${message}. Last broker output:`, tail.text()), { cause: error });
  }
  return { brokers, logFile, stop };
}
