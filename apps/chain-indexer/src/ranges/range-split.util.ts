import { type BlockRange, blockCountOf } from './block-range.model';
import { type RangeErrorReason, rangeErrorHintOf } from './range-error.util';

export type RangeSplit =
  | {
      readonly kind: 'split';
      readonly reason: RangeErrorReason;
      /** Two consecutive ranges covering the failed one exactly: retry the first, then the second. */
      readonly ranges: readonly [BlockRange, BlockRange];
      /** The provider's hard cap on blocks per call, when it stated one (feed it to `nextRangeSize`). */
      readonly maxBlocks?: bigint;
      /** The size the provider suggested for this part of the chain, when it did. */
      readonly suggestedBlocks?: bigint;
    }
  | { readonly kind: 'unsplittable'; readonly reason: RangeErrorReason; readonly range: BlockRange }
  | { readonly kind: 'not-a-range-error' };

/**
 * How to retry an `eth_getLogs` range the provider refused: the provider's suggested range (Alchemy,
 * Infura) or its stated cap (QuickNode, …) followed by the rest, else two halves. A single block that
 * still fails is `unsplittable` — the caller must stop and say so rather than loop. Errors that say
 * nothing about the range are `not-a-range-error` (the endpoint's failure, not the range's).
 *
 * @example
 * splitRangeOnError({ from: 0n, to: 99n }, new Error('query returned more than 10000 results'))
 * // { kind: 'split', reason: 'too-many-results', ranges: [{ from: 0n, to: 49n }, { from: 50n, to: 99n }] }
 */
export function splitRangeOnError(range: BlockRange, error: unknown): RangeSplit {
  const hint = rangeErrorHintOf(error);
  if (!hint) return { kind: 'not-a-range-error' };
  if (blockCountOf(range) <= 1n) return { kind: 'unsplittable', reason: hint.reason, range };
  switch (hint.reason) {
    case 'suggested-range': {
      const { suggested } = hint;
      // Only a suggestion that starts where we did and ends inside our range cuts it in two.
      if (suggested.from === range.from && suggested.to >= range.from && suggested.to < range.to) {
        const suggestedBlocks = blockCountOf(suggested);
        return { kind: 'split', reason: hint.reason, ranges: cutAfter(range, suggested.to), suggestedBlocks };
      }
      return halves(range, hint.reason);
    }
    case 'max-block-range':
      if (hint.maxBlocks >= 1n && hint.maxBlocks < blockCountOf(range)) {
        const ranges = cutAfter(range, range.from + hint.maxBlocks - 1n);
        return { kind: 'split', reason: hint.reason, ranges, maxBlocks: hint.maxBlocks };
      }
      return halves(range, hint.reason);
    case 'too-many-results':
    case 'range-too-large':
    case 'query-timeout':
    case 'response-too-large':
      return halves(range, hint.reason);
  }
}

function halves(range: BlockRange, reason: RangeErrorReason): RangeSplit {
  const middle = range.from + (range.to - range.from) / 2n;
  return { kind: 'split', reason, ranges: cutAfter(range, middle) };
}

function cutAfter(range: BlockRange, last: bigint): readonly [BlockRange, BlockRange] {
  return [
    { from: range.from, to: last },
    { from: last + 1n, to: range.to },
  ];
}
