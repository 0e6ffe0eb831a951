import { type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PinoNestLogger } from '@convergence/telemetry';
import type { Logger } from 'pino';
import { ProblemDetailsFilter } from '../http/problem-details.filter';

export interface RunServiceOptions {
  serviceName: string;
  port: number;
  host: string;
  logger: Logger;
}

/**
 * Creates the Nest app, wires logging, errors and graceful shutdown (SIGTERM/SIGINT stop consumers,
 * then the outbox relay, then connections), and listens.
 *
 * @example
 * await runService(AppModule.register(env), { serviceName: 'oracle', port: env.PORT, host: env.HOST, logger });
 */
export async function runService(
  module: DynamicModule,
  options: RunServiceOptions,
): Promise<INestApplication> {
  const app = await NestFactory.create(module, { logger: new PinoNestLogger(options.logger) });
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  await app.listen(options.port, options.host);
  options.logger.info({ port: options.port, host: options.host }, `${options.serviceName} listening`);
  return app;
}

/** For `main.ts`: a boot failure is logged with its cause chain and ends the process with code 1. */
export function exitOnBootFailure(logger: Logger): (error: unknown) => never {
  return (error: unknown) => {
    logger.fatal({ err: error }, 'service failed to start');
    logger.flush?.();
    process.exit(1);
  };
}
