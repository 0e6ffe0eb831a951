import type { z } from 'zod';

export interface SchemaIssue {
  path: string;
  message: string;
}

/** Input that can never be valid however often it is retried: consumers dead-letter it. */
export class SchemaValidationError extends Error {
  override readonly name = 'SchemaValidationError';
  readonly retryable = false;

  constructor(
    readonly subject: string,
    readonly issues: SchemaIssue[],
    options?: { cause?: unknown },
  ) {
    super(
      `${subject} is invalid: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`,
      options,
    );
  }

  static fromZod(subject: string, error: z.ZodError): SchemaValidationError {
    return new SchemaValidationError(
      subject,
      error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      { cause: error },
    );
  }
}
