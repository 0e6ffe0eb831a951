/** Why a command failed. Each code maps to one exit code in `exitCodeOf`. */
export type CliErrorCode =
  | 'config' // a bad or missing option / environment variable
  | 'unreachable' // the gateway (or PostgreSQL) did not answer
  | 'unauthorized' // 401: no key, unknown or revoked key
  | 'forbidden' // 403: the key's role or scopes are not enough
  | 'rejected' // any other 4xx/5xx answer, with its problem+json detail
  | 'unexpected-response' // an answer whose shape the CLI does not know (gateway version skew)
  | 'unhealthy' // `status` found the system down
  | 'failed'; // a backup, restore or re-index that did not complete

/** A failure the CLI explains in one message and turns into an exit code; never a stack trace. */
export class CliError extends Error {
  override readonly name = 'CliError';

  constructor(
    readonly code: CliErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** 2 for usage and configuration mistakes (fix the command line), 1 for everything else. */
export function exitCodeOf(code: CliErrorCode): number {
  switch (code) {
    case 'config':
      return 2;
    case 'unreachable':
    case 'unauthorized':
    case 'forbidden':
    case 'rejected':
    case 'unexpected-response':
    case 'unhealthy':
    case 'failed':
      return 1;
  }
}
