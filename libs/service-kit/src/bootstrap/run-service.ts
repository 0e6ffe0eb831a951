import { type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PinoNestLogger } from '@convergence/telemetry';
import type { InstrumentedService } from '../instrument';
import type { Logger } from 'pino';
import { ProblemDetailsFilter } from '../http/problem-details.filter';

export interface RunServiceOptions extends InstrumentedService {
  /** A shutdown that takes longer is cut short with exit code 1. */
  shutdownTimeoutMs?: number;
}

/**
 * Creates the Nest app with the service's logger and problem+json errors, listens, and stops
 * gracefully on SIGTERM/SIGINT.
 *
 * @example
 * await runService(AppModule.register(service.env), service);
 */
export async function runService(
  module: DynamicModule,
  options: RunServiceOptions,
): Promise<INestApplication> {
  const app = await NestFactory.create(module, { logger: new PinoNestLogger(options.logger) });
  app.useGlobalFilters(new ProblemDetailsFilter());
  const { PORT: port, HOST: host } = options.env;
  await app.listen(port, host);
  options.logger.info({ port, host }, `${options.serviceName} listening`);
  stopOnSignals(app, options);
  return app;
}

/**
 * SIGTERM/SIGINT: `app.close()` runs Nest's shutdown hooks in order (consumers leave their groups
 * committing what they processed, the outbox relay stops, connections close), then spans are
 * flushed and the process exits 0 — or 1 when that takes longer than the timeout.
 */
function stopOnSignals(app: INestApplication, options: RunServiceOptions): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    options.logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      options.logger.error({ signal }, 'shutdown timed out');
      process.exit(1);
    }, options.shutdownTimeoutMs ?? 25_000);
    app
      .close()
      .then(() => options.telemetry?.shutdown())
      .then(
        () => {
          clearTimeout(timer);
          options.logger.info({ signal }, 'shutdown complete');
          process.exit(0);
        },
        (error: unknown) => {
          options.logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

/** For `main.ts`: a boot failure is logged with its cause chain and ends the process with code 1. */
export function exitOnBootFailure(logger: Logger): (error: unknown) => never {
  return (error: unknown) => {
    logger.fatal({ err: error }, 'service failed to start');
    logger.flush?.();
    process.exit(1);
  };
}
