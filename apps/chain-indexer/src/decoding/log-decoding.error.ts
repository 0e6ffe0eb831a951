export type LogDecodingErrorCode =
  /** The log's block is not the block given for it: the chain moved between the two RPC calls. */
  'block-mismatch';

/** The decoding capability's one exception; `block-mismatch` is retryable (fetch the range again). */
export class LogDecodingError extends Error {
  constructor(
    readonly code: LogDecodingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LogDecodingError';
  }
}
