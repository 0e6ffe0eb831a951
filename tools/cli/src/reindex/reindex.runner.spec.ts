import type { ChainStatus } from '../gateway/gateway-responses.schema';
import { runReindex } from './reindex.runner';

/** A chain-indexer seen through the gateway: each status call answers the next scripted state. */
class ScriptedIndexer {
  readonly reindexed: { chainId: number; fromBlock: bigint }[] = [];
  private calls = 0;

  constructor(
    private readonly states: Partial<ChainStatus>[],
    private readonly recordedTarget: bigint | null = null,
  ) {}

  async chainStatus(chainId: number): Promise<ChainStatus> {
    const state = this.states[Math.min(this.calls++, this.states.length - 1)]!;
    return { chainId, head: null, indexedBlock: null, halted: null, ...state };
  }

  async reindex(chainId: number, fromBlock: bigint): Promise<bigint | null> {
    this.reindexed.push({ chainId, fromBlock });
    return this.recordedTarget;
  }
}

function options(overrides: Partial<Parameters<typeof runReindex>[1]> = {}) {
  let now = 0;
  const seen: string[] = [];
  return {
    seen,
    options: {
      chainId: 31337,
      fromBlock: 10n,
      pollIntervalMs: 500,
      timeoutMs: 10_000,
      sleep: async (ms: number) => {
        now += ms;
      },
      now: () => now,
      onProgress: (p: { done: number; total: number }) => seen.push(`${p.done}/${p.total}`),
      ...overrides,
    },
  };
}

describe(runReindex.name, () => {
  it('follows the re-index until the indexed block reaches the head the chain had at the start', async () => {
    const indexer = new ScriptedIndexer([
      { head: 19n, indexedBlock: 19n }, // before: the target is 19
      { head: 21n, indexedBlock: 9n }, // rewound
      { head: 22n, indexedBlock: 14n },
      { head: 23n, indexedBlock: 19n },
    ]);
    const run = options();
    await expect(runReindex(indexer, run.options)).resolves.toBe(19n);
    expect(indexer.reindexed).toEqual([{ chainId: 31337, fromBlock: 10n }]);
    expect(run.seen).toEqual(['0/10', '5/10', '10/10']);
  });

  it('aims at the head the gateway recorded when it accepted the re-index', async () => {
    const indexer = new ScriptedIndexer(
      [
        { head: 19n, indexedBlock: 19n },
        { head: 21n, indexedBlock: 19n },
        { head: 21n, indexedBlock: 20n },
      ],
      20n,
    );
    const run = options();
    await expect(runReindex(indexer, run.options)).resolves.toBe(20n);
    expect(run.seen).toEqual(['10/11', '11/11']);
  });

  it('fails when the chain halts on the way', async () => {
    const indexer = new ScriptedIndexer([
      { head: 19n, indexedBlock: 19n },
      {
        head: 19n,
        indexedBlock: 12n,
        halted: { reason: 'reorg deeper than finality', at: '2026-11-22T05:00:00Z' },
      },
    ]);
    await expect(runReindex(indexer, options().options)).rejects.toThrow(
      'chain 31337 halted during the re-index: reorg deeper than finality',
    );
  });

  it('stops following after the timeout, saying how far it got', async () => {
    const indexer = new ScriptedIndexer([
      { head: 19n, indexedBlock: 19n },
      { head: 19n, indexedBlock: 12n },
    ]);
    await expect(runReindex(indexer, options({ timeoutMs: 2_000 }).options)).rejects.toThrow(
      're-index of chain 31337 not done after 2 s: indexed 12 of 19',
    );
  });

  it('refuses a start block past the head without asking for a re-index', async () => {
    const indexer = new ScriptedIndexer([{ head: 5n, indexedBlock: 5n }]);
    await expect(runReindex(indexer, options().options)).rejects.toThrow(
      "--from 10 is past chain 31337's head 5",
    );
    expect(indexer.reindexed).toEqual([]);
  });
});
