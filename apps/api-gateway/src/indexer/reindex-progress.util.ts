/** A re-index as the gateway recorded it. */
export interface RecordedReindex {
  fromBlock: string;
  targetBlock: string | null;
  requestedAt: Date;
  requestedBy: string;
}

/** Where a re-index stands, for a progress bar. */
export interface ReindexProgress {
  fromBlock: string;
  /** The head when the request was accepted: the re-index is done once the indexer is past it. */
  targetBlock: string | null;
  requestedAt: string;
  requestedBy: string;
  /** Blocks from `fromBlock` to the target already indexed again, over all of them (0..1); null without a target. */
  progress: number | null;
  remainingBlocks: string | null;
  done: boolean;
}

/**
 * The progress of a re-index from the indexer's current `indexedBlock`.
 *
 * @example
 * reindexProgressOf({ fromBlock: '100', targetBlock: '199', … }, '149') // { progress: 0.5, remainingBlocks: '50', done: false, … }
 */
export function reindexProgressOf(request: RecordedReindex, indexedBlock: string | null): ReindexProgress {
  const base = {
    fromBlock: request.fromBlock,
    targetBlock: request.targetBlock,
    requestedAt: request.requestedAt.toISOString(),
    requestedBy: request.requestedBy,
  };
  if (request.targetBlock === null) return { ...base, progress: null, remainingBlocks: null, done: false };
  const from = BigInt(request.fromBlock);
  const target = BigInt(request.targetBlock);
  // Nothing indexed yet counts as "just before fromBlock".
  const indexed = indexedBlock === null ? from - 1n : BigInt(indexedBlock);
  const total = target - from + 1n;
  if (total <= 0n) return { ...base, progress: 1, remainingBlocks: '0', done: true };
  const doneBlocks = clamp(indexed - from + 1n, 0n, total);
  return {
    ...base,
    progress: Number((doneBlocks * 10_000n) / total) / 10_000,
    remainingBlocks: (total - doneBlocks).toString(),
    done: doneBlocks === total,
  };
}

function clamp(value: bigint, min: bigint, max: bigint): bigint {
  return value < min ? min : value > max ? max : value;
}
