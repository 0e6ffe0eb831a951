/** A silence Alertmanager would refuse; `problems` holds each reason in its wording. */
export class InvalidSilenceError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid silence: ${problems.join('; ')}`);
    this.name = 'InvalidSilenceError';
  }
}
