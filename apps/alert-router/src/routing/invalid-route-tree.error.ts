/** One problem in a routing tree, located by its path in the config (`route.routes[1].group_wait`). */
export interface RouteTreeIssue {
  readonly path: string;
  readonly message: string;
}

/** A routing tree that cannot be used; the message lists every issue with its node. */
export class InvalidRouteTreeError extends Error {
  constructor(readonly issues: readonly RouteTreeIssue[]) {
    super(`invalid routing tree:\n${issues.map((issue) => `  ${issue.path}: ${issue.message}`).join('\n')}`);
    this.name = 'InvalidRouteTreeError';
  }
}
