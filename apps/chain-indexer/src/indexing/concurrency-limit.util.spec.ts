import { concurrencyLimit } from './concurrency-limit.util';

describe(concurrencyLimit.name, () => {
  it('never runs more than the limit at once and runs every task', async () => {
    const limit = concurrencyLimit(2);
    let running = 0;
    let peak = 0;
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        limit(async () => {
          running++;
          peak = Math.max(peak, running);
          await new Promise((resolve) => setImmediate(resolve));
          running--;
          return n * 10;
        }),
      ),
    );
    expect(results).toEqual([10, 20, 30, 40, 50]);
    expect(peak).toBe(2);
  });

  it('passes a task failure to its caller and goes on with the rest', async () => {
    const limit = concurrencyLimit(1);
    const failed = limit(() => Promise.reject(new Error('boom')));
    await expect(failed).rejects.toThrow('boom');
    await expect(limit(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});
