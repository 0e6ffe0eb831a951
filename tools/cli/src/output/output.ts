/** Where commands write: results on `out` (stdout, pipeable), progress and diagnostics on `err`. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** The stream progress bars draw on (stderr, so stdout stays clean for pipes). */
  readonly progressStream: NodeJS.WriteStream;
  /** `--json`: print results as JSON instead of tables. */
  readonly json: boolean;
}

/** The process's own stdout/stderr. */
export function processOutput(json: boolean): Output {
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    progressStream: process.stderr,
    json,
  };
}

/** Pretty JSON with bigint-safe output, for `--json`. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2);
}
