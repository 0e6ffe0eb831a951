import { Logger } from '@nestjs/common';
import { type TopicDefinition, findTopic } from '@convergence/schemas';
import type { Kafka } from 'kafkajs';
import { DLQ_HEADERS, headerText } from '../consumer/dead-letter.util';
import type { EventProducer } from '../producer/event-producer';
import { DeadLetterNotFoundError } from './dead-letter-not-found.error';
import { DeadLetterReadError } from './dead-letter-read.error';
import {
  type DeadLetterTopics,
  parseOffset,
  parseWholeNumber,
  resolveDeadLetterTopic,
} from './dead-letter-request.util';
import { deadLetterPosition, toDeadLetter, toReplayMessage } from './dead-letter.mapper';
import type { DeadLetter, InspectOptions, ReplayResult, ReplaySelection } from './dead-letter.types';
import { InvalidDeadLetterRequestError } from './invalid-dead-letter-request.error';
import { type PartitionMessage, readPartitionRanges } from './partition-range.reader';

export interface DeadLetterServiceOptions {
  /** Topics whose DLQs may be read and replayed; the schema registry by default. */
  findTopic?: (name: string) => TopicDefinition | undefined;
  /** How long one read of a DLQ may take before it fails (default 30 s). */
  readTimeoutMs?: number;
  /** Clock for the `x-dlq-replayed-at` header. */
  now?: () => Date;
}

interface Watermarks {
  partition: number;
  /** First offset still in the log (retention may have deleted older ones). */
  low: bigint;
  /** Offset the next message will get: reading stops before it. */
  high: bigint;
}

/**
 * Lets operators look into `<topic>.dlq` and put dead letters back on their topic once the cause
 * is fixed. Reading never joins a group anyone else uses and never commits, so inspecting is free
 * of side effects; a replay re-publishes through the idempotent producer and relies on the
 * consumer's idempotency to make replaying an already-applied event harmless. Kafka cannot delete
 * single records, so replayed letters stay in the DLQ; `x-dlq-replayed-from` on the replayed
 * message says where it came from.
 */
export class DeadLetterService {
  private readonly logger = new Logger(DeadLetterService.name);
  private readonly findTopic: (name: string) => TopicDefinition | undefined;
  private readonly readTimeoutMs: number;
  private readonly now: () => Date;

  constructor(
    private readonly kafka: Kafka,
    private readonly producer: EventProducer,
    options: DeadLetterServiceOptions = {},
  ) {
    this.findTopic = options.findTopic ?? findTopic;
    this.readTimeoutMs = options.readTimeoutMs ?? 30_000;
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Reads up to `limit` dead letters of a topic (given with or without `.dlq`), ordered by
   * partition then offset, as the DLQ was when the call started. Paging is per partition: pass
   * `partition` and `fromOffset` = the last offset seen + 1. Without `partition`, `fromOffset`
   * applies to every partition. A topic whose DLQ was never created has no dead letters.
   *
   * @example
   * const letters = await deadLetters.inspect('unlock.achieved.v1', { limit: 20 });
   * const last = letters[letters.length - 1];
   * const next = await deadLetters.inspect('unlock.achieved.v1', {
   *   limit: 20, partition: last.partition, fromOffset: String(BigInt(last.offset) + 1n) });
   */
  async inspect(topic: string, options: InspectOptions = {}): Promise<DeadLetter[]> {
    const names = resolveDeadLetterTopic(topic, this.findTopic);
    const limit = parseWholeNumber(options.limit ?? 50, 'limit', 1);
    const from = options.fromOffset === undefined ? 0n : parseOffset(options.fromOffset, 'fromOffset');
    const partition =
      options.partition === undefined ? undefined : parseWholeNumber(options.partition, 'partition', 0);

    const watermarks = await this.watermarks(names.dlq);
    if (watermarks === undefined) return [];
    const chosen = watermarks.filter((w) => partition === undefined || w.partition === partition);
    if (chosen.length === 0) throw new DeadLetterNotFoundError([`${names.dlq}:${String(partition)}`]);
    const read = await readPartitionRanges(
      this.kafka,
      names.dlq,
      // Each partition stops at `limit`: the first `limit` by (partition, offset) are among those.
      chosen.map((w) => ({
        partition: w.partition,
        from: from > w.low ? from : w.low,
        to: w.high,
        max: limit,
      })),
      this.readTimeoutMs,
    );
    return read.slice(0, limit).map(({ partition: p, message }) => toDeadLetter(names.topic, p, message));
  }

  /**
   * Re-publishes dead letters to their original topic with their original key, value and headers
   * (plus `x-dlq-replayed-from` / `x-dlq-replayed-at`), in DLQ order, so the consumer processes them
   * again. Every requested offset is checked before anything is sent: a missing one fails the
   * whole replay, naming it. `{ all: true }` replays what the DLQ holds when the call starts.
   *
   * @example
   * await deadLetters.replay('unlock.achieved.v1.dlq', { partition: 0, offsets: ['12', '13'] }); // { replayed: 2 }
   * await deadLetters.replay('unlock.achieved.v1', { all: true });
   */
  async replay(topic: string, selection: ReplaySelection): Promise<ReplayResult> {
    const names = resolveDeadLetterTopic(topic, this.findTopic);
    const letters =
      'all' in selection
        ? await this.readAll(names, selection.all)
        : await this.readOffsets(names, selection);
    if (letters.length === 0) return { replayed: 0 };

    const now = this.now();
    const messages = letters.map(({ partition, message }) => {
      // The DLQ name already fixes the target; a letter claiming another topic is not ours to route.
      const original = headerText(message.headers, DLQ_HEADERS.originalTopic) ?? names.topic;
      if (original !== names.topic) {
        throw new InvalidDeadLetterRequestError(
          `${deadLetterPosition(names.dlq, partition, message.offset)} names "${original}" as its ` +
            `original topic, not "${names.topic}"; not replaying it`,
        );
      }
      return toReplayMessage(names.dlq, partition, message, now);
    });
    await this.producer.sendRaw(names.topic, messages);
    this.logger.log({
      msg: 'dead letters replayed',
      dlq: names.dlq,
      topic: names.topic,
      count: messages.length,
    });
    return { replayed: messages.length };
  }

  private async readAll(names: DeadLetterTopics, all: unknown): Promise<PartitionMessage[]> {
    // The type says `true`; this guards callers that build the selection from untyped input.
    if (all !== true) throw new InvalidDeadLetterRequestError('replay selection must be { all: true }');
    const watermarks = await this.watermarks(names.dlq);
    if (watermarks === undefined) return [];
    return readPartitionRanges(
      this.kafka,
      names.dlq,
      watermarks.map((w) => ({ partition: w.partition, from: w.low, to: w.high })),
      this.readTimeoutMs,
    );
  }

  private async readOffsets(
    names: DeadLetterTopics,
    selection: { partition: number; offsets: string[] },
  ): Promise<PartitionMessage[]> {
    const partition = parseWholeNumber(selection.partition, 'partition', 0);
    if (!Array.isArray(selection.offsets) || selection.offsets.length === 0) {
      throw new InvalidDeadLetterRequestError('offsets must name at least one dead letter');
    }
    const wanted = [...new Set(selection.offsets.map((o) => parseOffset(o, 'offset')))].sort((a, b) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    const position = (offset: bigint) => deadLetterPosition(names.dlq, partition, offset.toString());

    const mark = (await this.watermarks(names.dlq))?.find((w) => w.partition === partition);
    const outside = wanted.filter((o) => mark === undefined || o < mark.low || o >= mark.high);
    if (outside.length > 0) throw new DeadLetterNotFoundError(outside.map(position));

    // One range from the first to the last wanted offset: the reader reads a partition contiguously.
    const read = await readPartitionRanges(
      this.kafka,
      names.dlq,
      [{ partition, from: wanted[0], to: wanted[wanted.length - 1] + 1n }],
      this.readTimeoutMs,
    );
    const byOffset = new Map(read.map((m) => [m.message.offset, m]));
    // Inside the watermarks but absent: a transaction marker or compacted away.
    const absent = wanted.filter((o) => !byOffset.has(o.toString()));
    if (absent.length > 0) throw new DeadLetterNotFoundError(absent.map(position));
    return wanted.map((o) => byOffset.get(o.toString()) as PartitionMessage);
  }

  /** Per-partition offsets of the DLQ now; undefined when the DLQ does not exist (nothing ever failed). */
  private async watermarks(dlq: string): Promise<Watermarks[] | undefined> {
    const admin = this.kafka.admin();
    try {
      await admin.connect();
      if (!(await admin.listTopics()).includes(dlq)) return undefined;
      const offsets = await admin.fetchTopicOffsets(dlq);
      return offsets
        .map((o) => ({ partition: o.partition, low: BigInt(o.low), high: BigInt(o.high) }))
        .sort((a, b) => a.partition - b.partition);
    } catch (error) {
      throw new DeadLetterReadError(`could not fetch the offsets of ${dlq}`, { cause: error });
    } finally {
      await admin.disconnect();
    }
  }
}
