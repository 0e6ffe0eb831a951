/** The current `eth_getLogs` range size and the most a provider has said it accepts. */
export interface RangeSize {
  readonly blocks: bigint;
  readonly ceiling: bigint;
}

export interface RangeSizePolicy {
  readonly minBlocks: bigint;
  readonly maxBlocks: bigint;
  /** Below this many logs (and `fastMs`) a full-size response is "small": double the range. */
  readonly targetLogs: number;
  readonly fastMs: number;
}

export type RangeOutcome =
  | { readonly kind: 'ok'; readonly blocks: bigint; readonly logs: number; readonly durationMs: number }
  /** The provider refused the range; pass `maxBlocks`/`suggestedBlocks` from `splitRangeOnError`. */
  | {
      readonly kind: 'too-large';
      readonly blocks: bigint;
      readonly maxBlocks?: bigint;
      readonly suggestedBlocks?: bigint;
    }
  | { readonly kind: 'timeout'; readonly blocks: bigint }
  /** 429, 5xx, network: nothing to do with the range's size. */
  | { readonly kind: 'transient' };

/**
 * Defaults: never exceed 10,000 blocks (the common providers' cap); a tenth of the
 * 10K-log response caps (Alchemy, Infura) as the "small" mark, so a doubling stays far from them;
 * "fast" is under 2 s, well below the 5 s call that triggers an RPC failover.
 */
export const defaultRangeSizePolicy: RangeSizePolicy = {
  minBlocks: 1n,
  maxBlocks: 10_000n,
  targetLogs: 1_000,
  fastMs: 2_000,
};

/**
 * The first range size for a chain: small, because `concurrency` ranges of it are asked for before
 * any answer says how dense the chain is (10 blocks of a busy token are already ~10,000 logs); it
 * doubles per batch while answers stay small, so a sparse chain reaches 10,000 blocks in ~10 batches.
 *
 * @example
 * initialRangeSize() // { blocks: 10n, ceiling: 10_000n }
 */
export function initialRangeSize(policy: RangeSizePolicy = defaultRangeSizePolicy, blocks = 10n): RangeSize {
  return { blocks: clamp(blocks, policy.minBlocks, policy.maxBlocks), ceiling: policy.maxBlocks };
}

/**
 * The range size to ask for next, given how the last call went: ×2 after a full-size response with
 * fewer than `targetLogs` logs in under `fastMs`; ÷2 after a response over twice either mark or a
 * timeout; the provider's suggested size or cap (else ÷2) after a refused range; unchanged
 * otherwise. A cap the provider stated lowers the ceiling for good, so growth never walks back
 * into the same error.
 *
 * @example
 * nextRangeSize({ blocks: 100n, ceiling: 10_000n }, { kind: 'ok', blocks: 100n, logs: 3, durationMs: 120 }) // { blocks: 200n, ceiling: 10_000n }
 */
export function nextRangeSize(
  current: RangeSize,
  outcome: RangeOutcome,
  policy: RangeSizePolicy = defaultRangeSizePolicy,
): RangeSize {
  const ceiling = clamp(
    outcome.kind === 'too-large' && outcome.maxBlocks !== undefined ? outcome.maxBlocks : current.ceiling,
    policy.minBlocks,
    current.ceiling,
  );
  const sized = (blocks: bigint): RangeSize => ({
    blocks: clamp(blocks, policy.minBlocks, ceiling),
    ceiling,
  });
  switch (outcome.kind) {
    case 'ok': {
      const isSmall = outcome.logs < policy.targetLogs && outcome.durationMs < policy.fastMs;
      // A short range (the last one before the head) says nothing about a bigger one.
      if (isSmall && outcome.blocks >= current.blocks) return sized(current.blocks * 2n);
      const isHeavy = outcome.logs > policy.targetLogs * 2 || outcome.durationMs > policy.fastMs * 2;
      return sized(isHeavy ? smaller(current, outcome.blocks) / 2n : current.blocks);
    }
    case 'too-large': {
      const hinted = outcome.suggestedBlocks ?? outcome.maxBlocks ?? smaller(current, outcome.blocks) / 2n;
      // Strictly below what was refused, whatever the hint, so a refusal can never repeat as is.
      return sized(hinted < outcome.blocks ? hinted : outcome.blocks - 1n);
    }
    case 'timeout':
      return sized(smaller(current, outcome.blocks) / 2n);
    case 'transient':
      return sized(current.blocks);
  }
}

function smaller(current: RangeSize, attempted: bigint): bigint {
  return attempted < current.blocks ? attempted : current.blocks;
}

function clamp(value: bigint, min: bigint, max: bigint): bigint {
  if (value < min) return min;
  return value > max ? max : value;
}
