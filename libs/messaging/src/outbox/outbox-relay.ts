import { Logger } from '@nestjs/common';
import { SpanStatusCode } from '@opentelemetry/api';
import { type Admin, type Kafka, Partitioners, type Producer } from 'kafkajs';
import { PRODUCER_RETRY } from '../producer/event-producer';
import type { MessagingMetrics } from '../messaging.metrics';
import { backoffDelayMs } from '../retryable-error';
import type { OutboxStore } from './outbox.store';
import { sendUntraced, traceBatch } from './outbox-tracing';

/** Holds each relay's last committed batch number as a consumer-group offset (one partition). */
export const OUTBOX_POSITIONS_TOPIC = '_convergence-outbox-positions';

/** Rows per Kafka transaction unless configured (a transaction costs a few broker round trips). */
export const DEFAULT_OUTBOX_BATCH_SIZE = 500;

export interface OutboxRelayOptions {
  /**
   * Names the relay's transactional id and position group (`outbox-relay.<serviceName>`): it must be unique per
   * outbox table on a cluster, so callers prefix it like their consumer groups (KAFKA_CONSUMER_GROUP_PREFIX).
   */
  serviceName: string;
  pollIntervalMs: number;
  batchSize: number;
  replicationFactor: number;
}

/**
 * Publishes committed outbox rows exactly once. Each batch is sent in a Kafka transaction that also
 * commits the batch number as an offset of the relay's own group; rows are marked published after
 * the commit. After a crash between the Kafka commit and the mark, the next relay reads the
 * committed batch number and marks those rows instead of sending them again; a batch whose
 * transaction never committed is aborted by Kafka (the transactional id fences it) and resent.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly producer: Producer;
  private readonly admin: Admin;
  private readonly id: string;
  private running?: Promise<void>;
  private stopping = false;
  private wake?: () => void;
  /** Set by a commit notification that arrived while the relay was busy: the next pause returns at once. */
  private notified = false;
  private pendingCountedAt = 0;

  constructor(
    kafka: Kafka,
    private readonly store: OutboxStore,
    private readonly metrics: MessagingMetrics,
    private readonly options: OutboxRelayOptions,
  ) {
    this.id = `outbox-relay.${options.serviceName}`;
    this.producer = kafka.producer({
      transactionalId: this.id,
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: PRODUCER_RETRY,
    });
    this.admin = kafka.admin();
  }

  start(): void {
    this.stopping = false;
    this.running ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
    this.running = undefined;
    await this.producer.disconnect().catch(() => undefined);
    await this.admin.disconnect().catch(() => undefined);
    await this.store.releaseLock();
  }

  private async run(): Promise<void> {
    for (let failures = 0; !this.stopping; ) {
      try {
        if (!(await this.store.tryLock(this.id))) {
          await this.pause(5_000); // another replica relays; stand by
          continue;
        }
        await this.prepare();
        await this.store.listen(() => {
          this.notified = true;
          this.wake?.();
        });
        failures = 0;
        while (!this.stopping) {
          const sent = await this.relayOnce();
          if (sent === 0) await this.pause(this.options.pollIntervalMs);
        }
      } catch (error) {
        failures++;
        const delay = backoffDelayMs(failures, { baseMs: 500, maxMs: 30_000 });
        this.logger.error({ msg: 'outbox relay failed, restarting', failures, delay, err: error });
        await this.store.releaseLock().catch(() => undefined);
        await this.pause(delay);
      }
    }
  }

  /** Connects, makes sure the positions topic exists, and settles a batch left by a crash. */
  private async prepare(): Promise<void> {
    await this.admin.connect();
    const existing = await this.admin.listTopics();
    if (!existing.includes(OUTBOX_POSITIONS_TOPIC)) {
      await this.admin.createTopics({
        waitForLeaders: true,
        topics: [
          {
            topic: OUTBOX_POSITIONS_TOPIC,
            numPartitions: 1,
            replicationFactor: this.options.replicationFactor,
          },
        ],
      });
    }
    await this.producer.connect();
    const committed = await this.committedBatch();
    if (committed !== undefined) {
      const marked = await this.store.markPublishedUpTo(committed);
      if (marked > 0)
        this.logger.warn({
          msg: 'marked rows Kafka already had as published',
          batchNo: committed,
          rows: marked,
        });
    }
  }

  private async committedBatch(): Promise<string | undefined> {
    const [topic] = await this.admin.fetchOffsets({ groupId: this.id, topics: [OUTBOX_POSITIONS_TOPIC] });
    const offset = topic?.partitions.find((p) => p.partition === 0)?.offset;
    return offset === undefined || offset === '-1' ? undefined : offset;
  }

  private async relayOnce(): Promise<number> {
    let rows = await this.store.findClaimedBatch();
    if (rows.length === 0) rows = await this.store.claimNextBatch(this.options.batchSize);
    await this.refreshPendingGauge(rows.length === 0);
    if (rows.length === 0) return 0;
    const batchNo = rows[0]!.batchNo;
    const { byTopic, spans } = traceBatch(rows);
    try {
      await sendUntraced(async () => {
        const transaction = await this.producer.transaction();
        try {
          for (const [topic, messages] of byTopic) await transaction.send({ topic, messages, acks: -1 });
          await transaction.sendOffsets({
            consumerGroupId: this.id,
            topics: [{ topic: OUTBOX_POSITIONS_TOPIC, partitions: [{ partition: 0, offset: batchNo }] }],
          });
          await transaction.commit();
        } catch (error) {
          await transaction.abort().catch(() => undefined);
          throw new Error(`outbox batch ${batchNo} was not published`, { cause: error });
        }
      });
    } catch (error) {
      for (const span of spans) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
        span.end();
      }
      throw error;
    }
    for (const span of spans) span.end();
    await this.store.markPublishedUpTo(batchNo);
    for (const row of rows) this.metrics.outboxPublished.inc({ topic: row.topic });
    return rows.length;
  }

  // Nothing to claim means nothing pending; while busy, a count every few seconds is recent enough.
  private async refreshPendingGauge(idle: boolean): Promise<void> {
    if (idle) return this.metrics.outboxPending.set(0);
    const now = Date.now();
    if (now - this.pendingCountedAt < 5_000) return;
    this.pendingCountedAt = now;
    this.metrics.outboxPending.set(await this.store.countPending());
  }

  private pause(ms: number): Promise<void> {
    if (this.notified && !this.stopping) {
      this.notified = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        this.notified = false;
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
