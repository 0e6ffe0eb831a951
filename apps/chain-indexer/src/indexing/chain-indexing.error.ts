export type ChainIndexingErrorCode =
  /** The chain changed between two RPC calls of one step (a header or log from another branch): fetch again. */
  | 'chain-moved'
  /** A reorg deeper than finality stopped the chain; it stays stopped until re-indexed. */
  | 'halted';

/** The indexing loop's one exception; `chain-moved` is retried at once, `halted` ends the loop. */
export class ChainIndexingError extends Error {
  constructor(
    readonly code: ChainIndexingErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ChainIndexingError';
  }
}
