/** A dead-letter request that names an unknown topic or carries a malformed limit, offset or partition. */
export class InvalidDeadLetterRequestError extends Error {
  override readonly name = 'InvalidDeadLetterRequestError';
}
