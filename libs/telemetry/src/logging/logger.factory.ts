import { hostname } from 'node:os';
import { isSpanContextValid, trace } from '@opentelemetry/api';
import pino, { type DestinationStream, type Level, type Logger } from 'pino';

export interface LoggerOptions {
  serviceName: string;
  level: Level | 'silent';
  /** Human-readable colored output through pino-pretty (a dev dependency): local development only. */
  pretty?: boolean;
  /** Where JSON lines go; default stdout. Tests pass a capture stream. */
  destination?: DestinationStream;
  /** Extra pino redact paths on top of REDACTED_LOG_PATHS. */
  redact?: readonly string[];
}

/** Keys whose values never reach a log line, at the top level or one object deep. */
export const REDACTED_LOG_PATHS: readonly string[] = [
  'password',
  'passphrase',
  'secret',
  'apiKey',
  'api_key',
  'token',
  'accessToken',
  'refreshToken',
  'authorization',
  'cookie',
  'privateKey',
  'private_key',
  'mnemonic',
  'seedPhrase',
]
  .flatMap((key) => [key, `*.${key}`])
  .concat([
    'headers.authorization',
    'headers.cookie',
    'headers["x-api-key"]',
    '*.headers.authorization',
    '*.headers.cookie',
    '*.headers["x-api-key"]',
  ]);

/**
 * Creates the service's pino logger: JSON lines with `service`, a string `level`, ISO `time`,
 * `trace_id` / `span_id` of the active span (so Loki lines link to Jaeger traces) and secrets redacted.
 *
 * @example
 * const logger = createLogger({ serviceName: 'oracle', level: config.logLevel });
 * logger.info({ settlementId }, 'settlement published');
 * // {"level":"info","time":"...","service":"oracle","trace_id":"4bf9...","span_id":"00f0...","settlementId":"s-1","msg":"settlement published"}
 */
export function createLogger(options: LoggerOptions): Logger {
  const config: pino.LoggerOptions = {
    level: options.level,
    base: { service: options.serviceName, pid: process.pid, hostname: hostname() },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: activeSpanFields,
    redact: { paths: [...REDACTED_LOG_PATHS, ...(options.redact ?? [])], censor: '[REDACTED]' },
  };
  if (options.pretty) {
    return pino({ ...config, transport: { target: 'pino-pretty', options: { colorize: true } } });
  }
  return options.destination ? pino(config, options.destination) : pino(config);
}

function activeSpanFields(): Record<string, string> {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const ctx = span.spanContext();
  if (!isSpanContextValid(ctx)) return {};
  return { trace_id: ctx.traceId, span_id: ctx.spanId };
}
