/** The chains configuration is unusable; the message names the file and every bad node. */
export class ChainsConfigError extends Error {
  constructor(
    message: string,
    readonly problems: readonly string[] = [],
    options?: { cause?: unknown },
  ) {
    super(
      problems.length === 0 ? message : `${message}:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      options,
    );
    this.name = 'ChainsConfigError';
  }
}
