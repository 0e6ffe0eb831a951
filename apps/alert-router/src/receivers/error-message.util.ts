/**
 * The message of anything thrown. Duck-typed rather than `instanceof Error`, which fails for errors
 * from another realm (Node's fs and undici errors under Jest's VM contexts).
 */
export function errorMessageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

/** `fetch failed: connect ECONNREFUSED 127.0.0.1:1` rather than just `fetch failed`. */
export function errorMessageWithCauseOf(error: unknown): string {
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause === undefined ? errorMessageOf(error) : `${errorMessageOf(error)}: ${errorMessageOf(cause)}`;
}
