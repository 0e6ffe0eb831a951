import { reindexProgress } from './reindex-progress.util';

describe(reindexProgress.name, () => {
  it('counts blocks from the start block to the target inclusive', () => {
    expect(reindexProgress(100n, 199n, 149n)).toEqual({ total: 100, done: 50, complete: false });
  });

  it('counts nothing while the indexer has not rewound below the start block yet', () => {
    expect(reindexProgress(100n, 199n, 99n)).toEqual({ total: 100, done: 0, complete: false });
    expect(reindexProgress(100n, 199n, null)).toEqual({ total: 100, done: 0, complete: false });
  });

  it('is complete once the indexed block reaches the target, even past it', () => {
    expect(reindexProgress(100n, 199n, 199n)).toEqual({ total: 100, done: 100, complete: true });
    expect(reindexProgress(100n, 199n, 250n)).toEqual({ total: 100, done: 100, complete: true });
  });
});
