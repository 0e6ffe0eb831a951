import type { ConfigIssue } from './routing-config.model';

/** A routing config that cannot be used; the message lists every issue with the path of its node. */
export class InvalidRoutingConfigError extends Error {
  constructor(
    readonly source: string,
    readonly issues: readonly ConfigIssue[],
  ) {
    super(
      `invalid routing config ${source}:\n${issues.map((issue) => `  ${issue.path}: ${issue.message}`).join('\n')}`,
    );
    this.name = 'InvalidRoutingConfigError';
  }
}
