import { randomUUID } from 'node:crypto';
import { type Envelope, parseEnvelope, type TopicData, topics } from '@convergence/schemas';
import type { Consumer, Kafka } from 'kafkajs';

export type LogEvent = Envelope<TopicData<typeof topics.chainEvmLog>>;
export type ReorgEvent = Envelope<TopicData<typeof topics.chainEvmReorg>>;

/** One message of either topic, with its Kafka timestamp. */
export type ChainMessage =
  | { readonly kind: 'log'; readonly timestamp: number; readonly event: LogEvent }
  | { readonly kind: 'reorg'; readonly timestamp: number; readonly event: ReorgEvent };

/**
 * Reads chain.evm.log.v1 and chain.evm.reorg.v1 from the beginning in a throwaway group, keeping
 * only this test's events: logs of `addresses`, reorgs orphaning a block `isOurBlock` knows.
 */
export class ChainEventsReader {
  private readonly messages: ChainMessage[] = [];
  /** Messages of both topics read, ours or not (for failure messages). */
  readonly counts = { read: 0, unreadable: 0 };
  private consumer: Consumer | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly addresses: () => ReadonlySet<string>,
    private readonly isOurBlock: (hash: string) => boolean,
  ) {}

  async start(): Promise<void> {
    this.consumer = this.kafka.consumer({
      groupId: `chain-indexer-test-${randomUUID()}`,
      maxWaitTimeInMs: 100,
    });
    await this.consumer.connect();
    await this.consumer.subscribe({
      topics: [topics.chainEvmLog.name, topics.chainEvmReorg.name],
      fromBeginning: true,
    });
    await this.consumer.run({
      eachMessage: async ({ topic, message }) => {
        this.counts.read++;
        try {
          this.keep(topic, message.value, Number(message.timestamp));
        } catch {
          this.counts.unreadable++;
        }
      },
    });
  }

  private keep(topic: string, value: Buffer | null, timestamp: number): void {
    if (topic === topics.chainEvmLog.name) {
      const event = parseEnvelope(topics.chainEvmLog, value);
      if (this.addresses().has(event.data.address.toLowerCase()))
        this.messages.push({ kind: 'log', timestamp, event });
      return;
    }
    const event = parseEnvelope(topics.chainEvmReorg, value);
    if (event.data.orphanedBlocks.some((b) => this.isOurBlock(b.hash))) {
      this.messages.push({ kind: 'reorg', timestamp, event });
    }
  }

  /** Everything read so far, merged in publication order (timestamp; each topic's own order kept). */
  inOrder(): ChainMessage[] {
    const merged = [...this.messages].sort((a, b) => a.timestamp - b.timestamp);
    for (let i = 1; i < merged.length; i++) {
      const [a, b] = [merged[i - 1]!, merged[i]!];
      if (a.kind !== b.kind && a.timestamp === b.timestamp) {
        throw new Error(`a log and a reorg share timestamp ${a.timestamp}: their order is ambiguous`);
      }
    }
    return merged;
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

/** A log as compared between the stream and the reference: everything but `confirmed` (it depends on when it was read). */
export type ComparableLog = Omit<LogEvent['data'], 'confirmed'>;

/**
 * What a consumer holds after applying the messages in order: each log by id, and each reorg
 * removing the logs of the blocks it orphaned.
 *
 * @example
 * appliedLogs(reader.inOrder()) // Map { '31337:0xab…:0' => { blockNumber: '12', … } }
 */
export function appliedLogs(messages: readonly ChainMessage[]): Map<string, ComparableLog> {
  const state = new Map<string, ComparableLog>();
  for (const message of messages) {
    if (message.kind === 'log') {
      const { confirmed: _confirmed, ...log } = message.event.data;
      state.set(message.event.id, log);
    } else {
      const orphaned = new Set(message.event.data.orphanedBlocks.map((b) => b.hash.toLowerCase()));
      for (const [id, log] of state) if (orphaned.has(log.blockHash.toLowerCase())) state.delete(id);
    }
  }
  return state;
}
