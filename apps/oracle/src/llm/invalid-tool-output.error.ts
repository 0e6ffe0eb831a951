/** Claude answered, but not with a tool call we can use; `problems` name each bad field. Not retryable as-is. */
export class InvalidToolOutputError extends Error {
  override readonly name = 'InvalidToolOutputError';
  readonly retryable = false;

  constructor(
    readonly tool: string,
    readonly problems: string[],
  ) {
    super(`invalid ${tool} tool output: ${problems.join('; ')}`);
  }
}
