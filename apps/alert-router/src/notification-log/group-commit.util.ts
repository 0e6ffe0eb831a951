/** Writes a batch of items; resolves once all of them are durable. */
export type BatchWriter<T> = (items: readonly T[]) => Promise<void>;

interface Pending<T> {
  readonly item: T;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit: items added while a write is in flight, or before the next write starts, are
 * written together by the next call of `write`; writes run one at a time, items in the order they
 * were added. Each write starts when `defer` says so (by default after the current I/O round), so
 * a caller can hold writes back while more urgent work runs. Each `add` settles once the write
 * holding its item settled. If a write of several items fails, each of them is written again on
 * its own, so one bad item fails alone.
 *
 * @example
 * const queue = new GroupCommitQueue<Row>((rows) => insertAll(rows));
 * await queue.add(row); // committed, possibly together with rows other callers added meanwhile
 */
export class GroupCommitQueue<T> {
  private queue: Pending<T>[] = [];
  private draining = false;

  constructor(
    private readonly write: BatchWriter<T>,
    /** Calls `start` when the next write may begin: by default after the current I/O round. */
    private readonly defer: (start: () => void) => void = setImmediate,
  ) {}

  /** Resolves when `item` was written, rejects with the error of its own write. */
  add(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.draining) return;
      this.draining = true;
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      await new Promise<void>((start) => this.defer(start));
      const batch = this.queue;
      this.queue = [];
      await this.writeBatch(batch);
    }
    this.draining = false;
  }

  private async writeBatch(batch: readonly Pending<T>[]): Promise<void> {
    try {
      await this.write(batch.map((pending) => pending.item));
      for (const pending of batch) pending.resolve();
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      for (const pending of batch) {
        try {
          await this.write([pending.item]);
          pending.resolve();
        } catch (own) {
          pending.reject(own);
        }
      }
    }
  }
}
