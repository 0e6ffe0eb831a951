/** A replay asked for dead letters that are not in the DLQ (never written, or deleted by retention). */
export class DeadLetterNotFoundError extends Error {
  override readonly name = 'DeadLetterNotFoundError';

  /** @param positions the missing letters, as `<dlq>:<partition>:<offset>` (or `<dlq>:<partition>`). */
  constructor(readonly positions: string[]) {
    super(`no dead letter at ${positions.join(', ')}`);
  }
}
