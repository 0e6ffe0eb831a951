/**
 * Time as the retry loop sees it. Injected (RECEIVER_DELIVERY_OPTIONS) so tests can record the
 * backoff they are asked to wait instead of sleeping through it.
 */
export interface DeliveryTimer {
  /** Milliseconds on a monotonic-enough clock. */
  now(): number;
  /** Resolves after `ms`, or as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real clock and setTimeout. */
export const systemDeliveryTimer: DeliveryTimer = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const done = () => {
        clearTimeout(timeout);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timeout = setTimeout(done, ms);
      signal?.addEventListener('abort', done, { once: true });
    }),
};
