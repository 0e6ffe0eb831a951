export type ReorgErrorCode =
  /** A block was added to RecentBlocks that is not the child of its head: run `detectReorg` first. */
  | 'not-a-child'
  /** The chain reorganised deeper than its configured finality (or the window): stop the chain. */
  | 'deeper-than-finality';

/** The reorg capability's one exception; `deeper-than-finality` is fatal for that chain. */
export class ReorgError extends Error {
  constructor(
    readonly code: ReorgErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReorgError';
  }
}
