import { reindexProgressOf } from './reindex-progress.util';

const request = {
  fromBlock: '100',
  targetBlock: '199',
  requestedAt: new Date('2026-11-20T10:00:00Z'),
  requestedBy: '0xop',
};

describe(reindexProgressOf.name, () => {
  it('counts the blocks indexed again between fromBlock and the target', () => {
    expect(reindexProgressOf(request, '149')).toEqual({
      fromBlock: '100',
      targetBlock: '199',
      requestedAt: '2026-11-20T10:00:00.000Z',
      requestedBy: '0xop',
      progress: 0.5,
      remainingBlocks: '50',
      done: false,
    });
  });

  it('starts at 0 right after the request, when the indexer stands just before fromBlock', () => {
    expect(reindexProgressOf(request, '99')).toMatchObject({
      progress: 0,
      remainingBlocks: '100',
      done: false,
    });
    expect(reindexProgressOf(request, null)).toMatchObject({ progress: 0, done: false });
  });

  it('is done once the indexer reaches the target, and stays done past it', () => {
    expect(reindexProgressOf(request, '199')).toMatchObject({
      progress: 1,
      remainingBlocks: '0',
      done: true,
    });
    expect(reindexProgressOf(request, '250')).toMatchObject({ progress: 1, done: true });
  });

  it('has no progress to show when the indexer did not know the head', () => {
    expect(reindexProgressOf({ ...request, targetBlock: null }, '150')).toMatchObject({
      progress: null,
      remainingBlocks: null,
      done: false,
    });
  });

  it('is done at once when fromBlock is past the head', () => {
    expect(reindexProgressOf({ ...request, fromBlock: '300' }, '199')).toMatchObject({
      progress: 1,
      done: true,
    });
  });
});
