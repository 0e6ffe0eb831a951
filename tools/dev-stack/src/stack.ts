import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { useOrStartKafka } from './kafka/kafka-from-env';
import { useOrStartPostgres } from './postgres/postgres-from-env';
import { assertNoRunningStack } from './stack-lock';
import { startEvm } from './stack-evm';
import { startSolana } from './stack-solana';
import type { StackHandle, StartStackOptions } from './stack-types';

export type {
  StackEvm,
  StackHandle,
  StackPorts,
  StackSolana,
  StackSolanaProgram,
  StartStackOptions,
} from './stack-types';

interface Part {
  name: string;
  stop(): Promise<void>;
}

/**
 * Starts PostgreSQL, Kafka, (with `withHardhat`) a Hardhat node with the demo contracts and (with `withSolana`)
 * the local Solana cluster, in parallel, from a
 * fresh state in `<rootDir>/.dev-stack/`, and writes the stack's description to `<rootDir>/.dev-stack/stack.json`.
 * DATABASE_URL / KAFKA_BROKERS in `env` replace the local Postgres / Kafka. If any part fails, the parts that
 * did start are stopped again and the error says which failed.
 */
export async function startStack(options: StartStackOptions): Promise<StackHandle> {
  const {
    withHardhat = true,
    withSolana = false,
    withDemo = false,
    ports = {},
    env = process.env,
    detached = false,
    cacheDir,
  } = options;
  const stateDir = join(resolve(options.rootDir), '.dev-stack');
  const stackFile = join(stateDir, 'stack.json');
  assertNoRunningStack(stackFile);
  // Fresh every time: the Hardhat chain starts empty, so kept Kafka/Postgres data would describe another chain.
  await Promise.all(
    ['postgres', 'kafka', 'stack.json', 'contracts.json'].map((name) =>
      rm(join(stateDir, name), { recursive: true, force: true }),
    ),
  );
  await mkdir(stateDir, { recursive: true });

  const [postgres, kafka, evm, solana] = await Promise.allSettled([
    useOrStartPostgres({ dataDir: join(stateDir, 'postgres', 'data'), port: ports.postgres }, env),
    useOrStartKafka(
      {
        dataDir: join(stateDir, 'kafka'),
        port: ports.kafka,
        controllerPort: ports.kafkaController,
        cacheDir,
        detached,
      },
      env,
    ),
    withHardhat ? startEvm(stateDir, { port: ports.hardhat, withDemo }) : Promise.resolve(undefined),
    withSolana ? startSolana({ port: ports.solana, withDemo }) : Promise.resolve(undefined),
  ]);
  // Stop order: the chains first (Hardhat, Solana), then Kafka, then PostgreSQL.
  const parts: Part[] = [];
  if (solana.status === 'fulfilled' && solana.value)
    parts.unshift({ name: 'Solana', stop: solana.value.stop });
  if (evm.status === 'fulfilled' && evm.value) parts.unshift({ name: 'Hardhat', stop: evm.value.stop });
  if (kafka.status === 'fulfilled') parts.push({ name: 'Kafka', stop: kafka.value.stop });
  if (postgres.status === 'fulfilled') parts.push({ name: 'PostgreSQL', stop: postgres.value.stop });
  const stopParts = async (): Promise<void> => {
    const errors: unknown[] = [];
    for (const part of parts)
      await part
        .stop()
        .catch((error: unknown) => errors.push(new Error(`Could not stop ${part.name}`, { cause: error })));
    if (errors.length) throw new AggregateError(errors, 'The dev stack did not stop cleanly');
  };

  const failures = Object.entries({
    PostgreSQL: postgres,
    Kafka: kafka,
    Hardhat: evm,
    Solana: solana,
  }).flatMap(([name, result]) =>
    result.status === 'rejected' ? [{ name, reason: result.reason as unknown }] : [],
  );
  if (
    postgres.status === 'rejected' ||
    kafka.status === 'rejected' ||
    evm.status === 'rejected' ||
    solana.status === 'rejected'
  ) {
    await stopParts().catch(() => undefined);
    const names = failures.map((failure) => failure.name).join(' and ');
    const cause =
      failures.length === 1
        ? failures[0]?.reason
        : new AggregateError(
            failures.map((failure) => failure.reason),
            names,
          );
    // The causes' messages go into the message too: Jest prints only the message of a failed globalSetup.
    const details = failures.map((failure) => `${failure.name}: ${messageOf(failure.reason)}`).join('\n');
    throw new Error(`The dev stack could not start ${names}.\n${details}`, { cause });
  }

  let stopping: Promise<void> | undefined;
  const handle: StackHandle = {
    databaseUrl: postgres.value.url,
    databaseAdminUrl: postgres.value.adminUrl,
    kafkaBrokers: kafka.value.brokers,
    evm: evm.value?.evm,
    solana: solana.value?.solana,
    stateDir,
    stackFile,
    external: { postgres: postgres.value.external, kafka: kafka.value.external },
    logs: { postgres: postgres.value.logFile || undefined, kafka: kafka.value.logFile || undefined },
    stop: () =>
      (stopping ??= (async () => {
        await rm(stackFile, { force: true });
        await stopParts();
      })()),
  };
  await writeFile(stackFile, `${JSON.stringify(describeStack(handle), null, 2)}\n`);
  return handle;
}

/** The JSON written to stack.json (the handle without functions, plus who runs it). */
export function describeStack(handle: StackHandle): Record<string, unknown> {
  const { stop: _stop, ...data } = handle;
  return { pid: process.pid, startedAt: new Date().toISOString(), ...data };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
