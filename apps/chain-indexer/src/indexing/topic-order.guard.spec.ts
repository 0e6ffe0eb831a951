import { TopicOrderGuard } from './topic-order.guard';

describe(TopicOrderGuard.name, () => {
  it('waits for the next millisecond only when switching topic', async () => {
    let ms = 1_000;
    const reads: number[] = [];
    const guard = new TopicOrderGuard(() => {
      reads.push(ms);
      return ms++;
    });
    await guard.before('logs');
    guard.after('logs'); // acked at 1000
    await guard.before('logs'); // same topic: no wait
    expect(reads).toEqual([1_000]);
    await guard.before('reorg'); // must see a clock past 1000
    expect(reads.at(-1)).toBeGreaterThan(1_000);
  });
});
