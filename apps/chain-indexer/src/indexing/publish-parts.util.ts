import type { BlockRange } from '../ranges/block-range.model';

/** One publish-and-commit step of a fetched range: its logs go to Kafka, then the checkpoint moves past `range.to`. */
export interface PublishPart<L> {
  readonly logs: L[];
  /** The blocks this part completes: every log of them is in this part or an earlier one. */
  readonly range: BlockRange;
}

/**
 * Cuts a fetched range's logs (in chain order) into parts of at most `maxLogs` logs, only at block
 * boundaries: the checkpoint moves block by block, so a block's logs are never split over two
 * commits (a single block with more than `maxLogs` logs makes one bigger part). The parts cover
 * `range` exactly and in order; a range without logs is one empty part (its checkpoint still moves).
 * Bounds what is built for Kafka at once (envelopes, JSON, kafkajs buffers) whatever a range held.
 *
 * @example
 * publishPartsOf([{ blockNumber: '5' }, { blockNumber: '6' }, { blockNumber: '6' }], { from: 1n, to: 9n }, 2)
 * // [{ logs: [log5], range: { from: 1n, to: 5n } }, { logs: [log6, log6], range: { from: 6n, to: 9n } }]
 */
export function publishPartsOf<L extends { readonly blockNumber: string }>(
  logs: readonly L[],
  range: BlockRange,
  maxLogs: number,
): PublishPart<L>[] {
  if (!Number.isInteger(maxLogs) || maxLogs < 1) throw new RangeError(`maxLogs must be ≥ 1, got ${maxLogs}`);
  const parts: PublishPart<L>[] = [];
  let partStart = 0;
  let from = range.from;
  let blockStart = 0;
  while (blockStart < logs.length) {
    // The run of logs of one block: [blockStart, blockEnd).
    const blockNumber = logs[blockStart]!.blockNumber;
    let blockEnd = blockStart + 1;
    while (blockEnd < logs.length && logs[blockEnd]!.blockNumber === blockNumber) blockEnd++;
    // Close the current part before this block if the block would take it over the cap.
    if (blockStart > partStart && blockEnd - partStart > maxLogs) {
      const to = BigInt(logs[blockStart - 1]!.blockNumber);
      parts.push({ logs: logs.slice(partStart, blockStart), range: { from, to } });
      from = to + 1n;
      partStart = blockStart;
    }
    blockStart = blockEnd;
  }
  parts.push({ logs: logs.slice(partStart), range: { from, to: range.to } });
  return parts;
}
