/** How far a re-index has come, in blocks, towards the head the chain had when it started. */
export interface ReindexProgress {
  /** Blocks from `fromBlock` to the target, inclusive. */
  total: number;
  /** Of those, indexed again so far. */
  done: number;
  complete: boolean;
}

/**
 * Progress of a re-index from `fromBlock` to `target` (the head when it was started) given the
 * indexer's current `indexedBlock`. An indexed block still below `fromBlock` (the indexer has not
 * rewound yet, or is rewinding) counts as nothing done.
 *
 * @example reindexProgress(100n, 199n, 149n) // { total: 100, done: 50, complete: false }
 */
export function reindexProgress(
  fromBlock: bigint,
  target: bigint,
  indexedBlock: bigint | null,
): ReindexProgress {
  const total = target >= fromBlock ? Number(target - fromBlock + 1n) : 0;
  if (indexedBlock === null || indexedBlock < fromBlock) return { total, done: 0, complete: total === 0 };
  const done = indexedBlock >= target ? total : Number(indexedBlock - fromBlock + 1n);
  return { total, done, complete: done >= total };
}
