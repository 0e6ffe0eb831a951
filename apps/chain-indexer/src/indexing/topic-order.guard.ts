/**
 * Keeps a chain's logs and reorgs in a strict order across their two topics: the indexer awaits
 * each send's acknowledgement, and before switching topic waits for the next millisecond, so the
 * Kafka timestamps (CreateTime, set at send) of chain.evm.log.v1 and chain.evm.reorg.v1 never tie and
 * a consumer can merge the topics by timestamp. Costs at most 1 ms per reorg.
 *
 * @example
 * await guard.before('reorg'); await publishReorg(); guard.after('reorg');
 */
export class TopicOrderGuard {
  private last: { topic: string; ackedAtMs: number } | undefined;

  constructor(private readonly now: () => number = Date.now) {}

  async before(topic: string): Promise<void> {
    if (!this.last || this.last.topic === topic) return;
    while (this.now() <= this.last.ackedAtMs) await new Promise((resolve) => setTimeout(resolve, 1));
  }

  after(topic: string): void {
    this.last = { topic, ackedAtMs: this.now() };
  }
}
