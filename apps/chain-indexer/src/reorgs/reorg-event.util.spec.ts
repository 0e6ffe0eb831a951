import { topics } from '@convergence/schemas';
import { chainOf, hashOf } from './chain.fixture';
import { RecentBlocks } from './recent-blocks.window';
import { detectReorg } from './reorg-detection.util';
import { evmReorgEventData } from './reorg-event.util';

describe(evmReorgEventData.name, () => {
  it('produces valid chain.evm.reorg.v1 data naming the orphaned blocks and the ancestor', () => {
    const window = new RecentBlocks(20, chainOf('a', 100n, 105n));
    const [replacement] = chainOf('b', 104n, 104n, hashOf('a', 103n));
    const detection = detectReorg(window, replacement);
    if (detection.kind !== 'reorg') throw new Error(`expected a reorg, got ${detection.kind}`);

    const data = evmReorgEventData(31337, detection, { number: 104n, hash: replacement.hash });

    expect(topics.chainEvmReorg.schema.parse(data)).toEqual(data);
    expect(data).toEqual({
      chainId: 31337,
      orphanedBlocks: [
        { number: '104', hash: hashOf('a', 104n) },
        { number: '105', hash: hashOf('a', 105n) },
      ],
      commonAncestor: { number: '103', hash: hashOf('a', 103n) },
      newHead: { number: '104', hash: replacement.hash },
      depth: 2,
    });
  });
});
