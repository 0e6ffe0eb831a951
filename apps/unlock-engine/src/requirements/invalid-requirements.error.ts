/** One problem in an unlock's requirements, located by its JSON path (`requirements.all[2].votes.min`). */
export interface RequirementIssue {
  readonly path: string;
  readonly message: string;
}

/** Requirements that can never be valid as written: a 4xx for the client, never retried. */
export class InvalidRequirementsError extends Error {
  override readonly name = 'InvalidRequirementsError';
  readonly retryable = false;

  constructor(readonly issues: readonly RequirementIssue[]) {
    super(`invalid requirements: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
  }
}
