// `npm start`: the local Convergence stack (PostgreSQL, Kafka, Hardhat with the demo contracts) and the services.
// Run as `node -r @swc-node/register tools/dev-stack/src/start.ts [--no-demo] [--no-hardhat] [--no-solana] [--stack-only]`.
import { join, relative } from 'node:path';
import { parseCliOptions, USAGE } from './cli/cli-options';
import { describeError } from './cli/describe-error';
import { onLauncherGone, runInOwnProcessGroup } from './cli/own-process-group';
import { preflightServices } from './cli/preflight';
import { systemTopicNames } from './cli/system-topics';
import { preferPort } from './free-port';
import { createMissingTopics } from './kafka/create-topics';
import { formatTail } from './process/log-tail';
import { readEnvFile } from './services/env-file';
import { linePrefix } from './services/prefix-lines';
import { runService, type RunningService } from './services/run-service';
import { serviceEnv } from './services/service-env';
import { SERVICES } from './services/service-list';
import { formatSummary } from './services/summary';
import { waitForHttpOk } from './services/wait-ready';
import type { StackHandle } from './stack-types';
import { findWorkspaceRoot, registerWorkspacePaths } from './workspace-paths';

const READY_TIMEOUT_MS = Number(process.env['DEV_STACK_READY_TIMEOUT_MS'] ?? 120_000);
const SERVICE_STOP_TIMEOUT_MS = 10_000;

const color = Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'];
const nameWidth = Math.max('dev-stack'.length, ...SERVICES.map((service) => service.name.length));
const own = linePrefix('dev-stack', nameWidth, SERVICES.length, color);
const say = (text: string): void => void process.stdout.write(text.replace(/^/gm, own) + '\n');
const complain = (text: string): void => void process.stderr.write(text.replace(/^/gm, own) + '\n');

interface StopRequest {
  code: number;
  reason: string;
}

async function main(): Promise<number> {
  const options = parseCliOptions(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const delegated = runInOwnProcessGroup();
  if (delegated) return delegated;

  const rootDir = findWorkspaceRoot(__dirname);
  registerWorkspacePaths(rootDir);
  const baseEnv: NodeJS.ProcessEnv = { ...readEnvFile(join(rootDir, '.env')), ...process.env };
  const services = options.withServices ? SERVICES : [];

  const problems = await preflightServices(services, rootDir);
  if (problems.length) {
    complain(`Cannot start the services:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    return 1;
  }

  let resolveStop: (request: StopRequest) => void = () => undefined;
  const stopRequested = new Promise<StopRequest>((resolve) => (resolveStop = resolve));
  let stopping: StopRequest | undefined;
  const requestStop = (request: StopRequest): void => {
    if (stopping) return;
    stopping = request;
    say(`Stopping (${request.reason})…`);
    resolveStop(request);
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) return complain(`Still stopping (${signal} again)…`);
    requestStop({ code: 0, reason: `${signal} received` });
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
  onLauncherGone(() => requestStop({ code: 1, reason: 'the launching process went away' }));

  const startedAt = Date.now();
  say(
    `Starting PostgreSQL, Kafka${options.withHardhat ? ', Hardhat' : ''}${options.withSolana ? ', Solana (litesvm)' : ''} in ${relative(process.cwd(), join(rootDir, '.dev-stack')) || '.'}/ …`,
  );
  let stack: StackHandle;
  try {
    const { startStack } = await import('./stack');
    stack = await startStack({
      rootDir,
      withHardhat: options.withHardhat,
      withSolana: options.withSolana,
      withDemo: options.withDemo,
      env: baseEnv,
      ports: {
        postgres: await preferPort(5432),
        kafka: await preferPort(9092),
        kafkaController: await preferPort(9093),
        hardhat: await preferPort(8545),
        solana: await preferPort(8899),
      },
    });
  } catch (error) {
    complain(describeError(error));
    return 1;
  }
  say(`Stack ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s.`);

  // Provisioned up front, as in production: five services creating the same topics at once race each other.
  if (services.length && !stopping) {
    try {
      const created = await createMissingTopics(stack.kafkaBrokers, await systemTopicNames(), {
        partitions: Number(baseEnv['KAFKA_TOPIC_PARTITIONS'] || 3),
        replicationFactor: Number(baseEnv['KAFKA_REPLICATION_FACTOR'] || 1),
      });
      if (created.length) say(`Created ${created.length} Kafka topics.`);
    } catch (error) {
      complain(describeError(error)); // not fatal: the services create what they need themselves
    }
  }

  const running: RunningService[] = [];
  if (!stopping) {
    for (const [index, service] of services.entries()) {
      const prefix = linePrefix(service.name, nameWidth, index, color);
      const child = runService(service, {
        rootDir,
        env: serviceEnv(service, stack, baseEnv, rootDir),
        prefix,
      });
      running.push(child);
      void child.exited.then((how) => {
        if (stopping) return;
        complain(formatTail(`${service.name} ${how}. Last output:`, child.tail.text()));
        requestStop({ code: 1, reason: `${service.name} ${how}` });
      });
    }
    if (services.length)
      say(`Started ${services.map((service) => service.name).join(', ')}; waiting for /ready…`);
    const deadline = Date.now() + READY_TIMEOUT_MS;
    const ready = Promise.all(
      running.map((service) =>
        waitForHttpOk(
          `http://127.0.0.1:${service.definition.port}/ready`,
          deadline,
          () => Boolean(stopping) || service.hasExited(),
        ),
      ),
    );
    const outcome = await Promise.race([ready, stopRequested]);
    if (Array.isArray(outcome)) {
      const late = running.filter((_, index) => !outcome[index]);
      if (late.length && !stopping) {
        for (const service of late) {
          const url = `http://127.0.0.1:${service.definition.port}/ready`;
          complain(
            formatTail(
              `${service.definition.name} is not ready after ${READY_TIMEOUT_MS / 1000} s (GET ${url}). Last output:`,
              service.tail.text(),
            ),
          );
        }
        requestStop({
          code: 1,
          reason: `not ready: ${late.map((service) => service.definition.name).join(', ')}`,
        });
      } else if (!stopping) {
        process.stdout.write(formatSummary(stack, services, rootDir, (Date.now() - startedAt) / 1000) + '\n');
      }
    }
  }

  const request = await stopRequested;
  await Promise.all(running.map((service) => service.stop(SERVICE_STOP_TIMEOUT_MS)));
  try {
    await stack.stop();
  } catch (error) {
    complain(describeError(error));
    return 1;
  }
  say('Stopped.');
  return request.code;
}

process.stdout.on('error', () => undefined); // e.g. piped into `head`
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    complain(describeError(error));
    process.exit(1);
  },
);
