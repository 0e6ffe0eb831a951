/**
 * A limiter running at most `limit` tasks at once, in the order they were asked for: the chain's
 * `eth_getLogs` calls share one, so address batches and ranges never exceed the configured concurrency.
 *
 * @example
 * const limit = concurrencyLimit(4);
 * await Promise.all(ranges.map((range) => limit(() => fetchRange(range))));
 */
export function concurrencyLimit(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`limit must be a positive integer, got ${limit}`);
  let running = 0;
  const queue: (() => void)[] = [];
  const next = () => {
    running--;
    queue.shift()?.();
  };
  return <T>(task: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      const run = () => {
        running++;
        void task().then(resolve, reject).finally(next);
      };
      if (running < limit) run();
      else queue.push(run);
    });
}
