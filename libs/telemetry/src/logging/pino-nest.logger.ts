import type { LoggerService, LogLevel } from '@nestjs/common';
import type { Level, Logger } from 'pino';

type NestMethod = 'log' | 'error' | 'warn' | 'debug' | 'verbose' | 'fatal';

const PINO_LEVEL: Record<NestMethod, Level> = {
  verbose: 'trace',
  debug: 'debug',
  log: 'info',
  warn: 'warn',
  error: 'error',
  fatal: 'fatal',
};

// Most verbose first, to turn Nest's set of enabled levels into pino's single threshold.
const VERBOSITY: readonly LogLevel[] = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'];

const STACK_PATTERN = /^.+\n\s+at .+/s;

/**
 * Nest LoggerService over a pino logger, so Nest's own logs (bootstrap, routes, exceptions) come out
 * as JSON objects with a `context` field and the active trace ids, like the service's logs.
 *
 * @example
 * const logger = createLogger({ serviceName: 'api-gateway', level: 'info' });
 * const app = await NestFactory.create(AppModule, { bufferLogs: true });
 * app.useLogger(new PinoNestLogger(logger));
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('log', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('verbose', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  /** Nest passes the enabled levels; pino has one threshold, so the most verbose enabled one wins. */
  setLogLevels(levels: LogLevel[]): void {
    const lowest = VERBOSITY.find((l) => levels.includes(l));
    this.logger.level = lowest === undefined ? 'silent' : PINO_LEVEL[lowest as NestMethod];
  }

  private write(method: NestMethod, message: unknown, params: unknown[]): void {
    // Nest's Logger appends its context as the last string argument, like ConsoleLogger expects.
    const rest = [...params];
    const context =
      typeof rest.at(-1) === 'string' && !isStack(rest.at(-1)) ? (rest.pop() as string) : undefined;
    const fields: Record<string, unknown> = context === undefined ? {} : { context };
    const stack = rest.findIndex(isStack);
    if (stack !== -1) fields['stack'] = rest.splice(stack, 1)[0];
    if (rest.length > 0) fields['params'] = rest;

    const level = PINO_LEVEL[method];
    if (message instanceof Error) {
      this.logger[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ ...fields, ...(message as Record<string, unknown>) });
    } else {
      this.logger[level](fields, String(message));
    }
  }
}

function isStack(value: unknown): value is string {
  return typeof value === 'string' && STACK_PATTERN.test(value);
}
