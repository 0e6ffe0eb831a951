import type { DestinationStream } from 'pino';

export interface LogCapture {
  /** Pass as `createLogger({ destination })`; pino writes to it synchronously. */
  destination: DestinationStream;
  /** Every line written so far, parsed from JSON. */
  lines(): Record<string, unknown>[];
}

/**
 * An in-memory pino destination for asserting on log lines.
 *
 * @example
 * const capture = captureLogs();
 * const logger = createLogger({ serviceName: 'x', level: 'info', destination: capture.destination });
 * logger.info('hi');
 * expect(capture.lines()[0]).toMatchObject({ msg: 'hi', service: 'x' });
 */
export function captureLogs(): LogCapture {
  const written: string[] = [];
  return {
    destination: { write: (line: string) => void written.push(line) },
    lines: () =>
      written
        .join('')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
