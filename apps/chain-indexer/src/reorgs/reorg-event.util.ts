import type { TopicData, topics } from '@convergence/schemas';
import type { BlockRef } from './chain-block.model';
import type { ResolvedReorg } from './reorg-detection.util';

export type EvmReorgData = TopicData<typeof topics.chainEvmReorg>;

/**
 * The chain.evm.reorg.v1 data for a resolved reorg: the orphaned blocks, the common ancestor and the
 * head of the new branch, block numbers as decimal strings.
 *
 * @example
 * evmReorgEventData(1, reorg, { number: 101n, hash: '0x…' }) // { chainId: 1, orphanedBlocks: [{ number: '99', … }], … }
 */
export function evmReorgEventData(chainId: number, reorg: ResolvedReorg, newHead: BlockRef): EvmReorgData {
  return {
    chainId,
    orphanedBlocks: reorg.orphaned.map(refData),
    commonAncestor: refData(reorg.commonAncestor),
    newHead: refData(newHead),
    depth: reorg.depth,
  };
}

function refData(ref: BlockRef): { number: string; hash: string } {
  return { number: ref.number.toString(), hash: ref.hash };
}
