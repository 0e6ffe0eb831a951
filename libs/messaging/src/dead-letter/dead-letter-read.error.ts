/** Reading a dead-letter topic failed or did not reach its end in time; `cause` says why when known. */
export class DeadLetterReadError extends Error {
  override readonly name = 'DeadLetterReadError';
}
