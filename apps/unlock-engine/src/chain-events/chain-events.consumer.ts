import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import {
  EventProducer,
  KAFKA,
  backoffDelayMs,
  buildDeadLetter,
  ensureTopics,
  isRetryableError,
} from '@convergence/messaging';
import { type Envelope, deadLetterTopicOf, parseEnvelope, topics } from '@convergence/schemas';
import { extractTraceContext } from '@convergence/telemetry';
import { ROOT_CONTEXT, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Batch, Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { ENGINE_ENV, type UnlockEngineEnv } from '../config/env';
import { EngineMetrics } from '../metrics/engine.metrics';
import { SolanaTxBatchProcessor } from '../solana/solana-tx-batch.processor';
import { EvmLogBatchProcessor } from './evm-log-batch.processor';
import { EvmReorgProcessor } from './evm-reorg.processor';

export const CHAIN_CONSUMER_GROUP = 'unlock-engine.chain';

const MAX_ATTEMPTS = 6;

/** What applying a batch reports, whichever chain it came from. */
interface AppliedCounts {
  readonly applied: number;
  readonly duplicates: number;
  /** EVM only: logs of blocks a reorg had already orphaned. */
  readonly orphaned?: number;
}

/**
 * Consumes chain logs, reorgs and Solana transactions with kafkajs `eachBatch`: a whole fetched batch
 * of logs (or of Solana transfers) is applied in one transaction (per-event idempotency inside it),
 * which is what reaches thousands of events a second where a transaction per message cannot. Reorgs
 * share the consumer, so one chain's logs and reorgs are applied one at a time. Offsets are committed only after the batch's transaction.
 */
@Injectable()
export class ChainEventsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ChainEventsConsumer.name);
  private readonly consumer: Consumer;
  private readonly groupId: string;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(ENGINE_ENV) private readonly env: UnlockEngineEnv,
    private readonly producer: EventProducer,
    private readonly logs: EvmLogBatchProcessor,
    private readonly reorgs: EvmReorgProcessor,
    private readonly solana: SolanaTxBatchProcessor,
    private readonly metrics: EngineMetrics,
  ) {
    this.groupId = `${env.KAFKA_CONSUMER_GROUP_PREFIX}${CHAIN_CONSUMER_GROUP}`;
    this.consumer = kafka.consumer({
      groupId: this.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: env.KAFKA_SESSION_TIMEOUT_MS,
      maxBytesPerPartition: env.UNLOCK_CHAIN_FETCH_MAX_BYTES,
      // A whole fetch holds at least one full partition (kafkajs's default for the fetch is 10 MiB).
      maxBytes: Math.max(env.UNLOCK_CHAIN_FETCH_MAX_BYTES, 10 * 1024 * 1024),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const names = [topics.chainEvmLog.name, topics.chainEvmReorg.name, topics.chainSolanaTx.name];
    await ensureTopics(this.kafka, [...names, ...names.map(deadLetterTopicOf)], {
      partitions: this.env.KAFKA_TOPIC_PARTITIONS,
      replicationFactor: this.env.KAFKA_REPLICATION_FACTOR,
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: names, fromBeginning: true });
    await this.consumer.run({
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.handleBatch(payload),
    });
    this.logger.log({ msg: 'chain consumer started', group: this.groupId, topics: names });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.disconnect();
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary } = payload;
    if (batch.messages.length === 0) return;
    if (batch.topic === topics.chainEvmLog.name) {
      await this.handleEvents(
        batch,
        (value) => parseEnvelope(topics.chainEvmLog, value),
        (envelopes) => this.logs.apply(envelopes),
      );
    } else if (batch.topic === topics.chainSolanaTx.name) {
      await this.handleEvents(
        batch,
        (value) => parseEnvelope(topics.chainSolanaTx, value),
        (envelopes) => this.solana.apply(envelopes),
      );
    } else await this.handleReorgs(batch, heartbeat);
    resolveOffset(batch.lastOffset());
    await commitOffsetsIfNecessary();
    await heartbeat();
  }

  /** A batch of chain events (EVM logs or Solana transfers) in one transaction; one by one if that fails. */
  private async handleEvents<Data>(
    batch: Batch,
    parse: (value: Buffer | null) => Envelope<Data>,
    apply: (envelopes: ReadonlyArray<Envelope<Data>>) => Promise<AppliedCounts>,
  ): Promise<void> {
    // The parse stage of an EVM log batch (the processor times the rest, see EvmLogBatchProcessor).
    const parsing =
      batch.topic === topics.chainEvmLog.name
        ? this.metrics.batchStageSeconds.startTimer({ stage: 'parse' })
        : undefined;
    const envelopes: Array<Envelope<Data>> = [];
    const sources = new Map<string, KafkaMessage>();
    for (const message of batch.messages) {
      const envelope = await this.parseOrDeadLetter(batch, message, parse);
      if (envelope === undefined) continue;
      envelopes.push(envelope);
      sources.set(envelope.id, message);
    }
    parsing?.();
    if (envelopes.length === 0) return;
    const timer = this.metrics.batchSeconds.startTimer({ topic: batch.topic });
    // One CONSUMER span per message, in the producer's trace, lasting while its batch is applied.
    const spans = envelopes.map((envelope) => processSpanOf(batch, sources.get(envelope.id)!, this.groupId));
    let failed: unknown;
    try {
      const result = await this.withRetry(() => apply(envelopes), batch.topic);
      this.count(batch.topic, envelopes.length, result);
    } catch (error) {
      if (isRetryableError(error)) throw (failed = error);
      // One message the batch cannot take: apply one by one so only that one is dead-lettered.
      this.logger.warn({
        msg: 'batch failed, applying its messages one by one',
        topic: batch.topic,
        err: error,
      });
      for (const envelope of envelopes) {
        try {
          this.count(batch.topic, 1, await this.withRetry(() => apply([envelope]), batch.topic));
        } catch (single) {
          if (isRetryableError(single)) throw (failed = single);
          await this.deadLetter(batch, sources.get(envelope.id)!, single);
        }
      }
    } finally {
      timer();
      for (const span of spans) {
        if (failed !== undefined) span.setStatus({ code: SpanStatusCode.ERROR, message: String(failed) });
        span.end();
      }
    }
  }

  private async handleReorgs(batch: Batch, heartbeat: () => Promise<void>): Promise<void> {
    for (const message of batch.messages) {
      const envelope = await this.parseOrDeadLetter(batch, message, (value) =>
        parseEnvelope(topics.chainEvmReorg, value),
      );
      if (envelope === undefined) continue;
      try {
        await this.withRetry(() => this.reorgs.apply(envelope.data), batch.topic);
      } catch (error) {
        if (isRetryableError(error)) throw error;
        await this.deadLetter(batch, message, error);
      }
      await heartbeat();
    }
  }

  private count(topic: string, size: number, result: AppliedCounts) {
    this.metrics.batchSize.observe({ topic }, size);
    this.metrics.eventsApplied.inc({ topic }, result.applied);
    if (result.duplicates > 0) this.metrics.duplicates.inc({ topic }, result.duplicates);
    if (result.orphaned) this.metrics.orphanedSkipped.inc(result.orphaned);
  }

  private async parseOrDeadLetter<T>(
    batch: Batch,
    message: KafkaMessage,
    parse: (value: Buffer | null) => T,
  ): Promise<T | undefined> {
    try {
      return parse(message.value);
    } catch (error) {
      await this.deadLetter(batch, message, error);
      return undefined;
    }
  }

  private async withRetry<T>(work: () => Promise<T>, topic: string): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (!isRetryableError(error) || attempt >= MAX_ATTEMPTS) throw error;
        const delay = backoffDelayMs(attempt, { baseMs: 200, maxMs: 10_000 });
        this.logger.warn({ msg: 'apply failed, retrying', topic, attempt, delay, err: error });
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  private async deadLetter(batch: Batch, message: KafkaMessage, error: unknown): Promise<void> {
    const dlq = deadLetterTopicOf(batch.topic);
    await this.producer.sendRaw(dlq, [
      buildDeadLetter(
        { topic: batch.topic, partition: batch.partition, group: this.groupId, message },
        error,
        new Date(),
      ),
    ]);
    this.logger.warn({
      msg: 'message dead-lettered',
      topic: batch.topic,
      offset: message.offset,
      dlq,
      err: error,
    });
  }
}

const tracer = trace.getTracer('unlock-engine');

/** `<topic> process` CONSUMER span of one message, parented by the trace context in its Kafka headers. */
function processSpanOf(batch: Batch, message: KafkaMessage, group: string): Span {
  return tracer.startSpan(
    `${batch.topic} process`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.destination.name': batch.topic,
        'messaging.consumer.group.name': group,
        'messaging.destination.partition.id': String(batch.partition),
        'messaging.kafka.offset': Number(message.offset),
        'messaging.batch.message_count': batch.messages.length,
      },
    },
    extractTraceContext(message.headers ?? {}, ROOT_CONTEXT),
  );
}
