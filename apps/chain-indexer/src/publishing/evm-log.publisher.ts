import { Injectable } from '@nestjs/common';
import { EventProducer } from '@convergence/messaging';
import { type TopicData, createEnvelope, topics } from '@convergence/schemas';
import { SERVICE_NAME } from '../config/env';
import { evmLogEventId } from './evm-log-id.util';

export type DecodedEvmLog = TopicData<typeof topics.chainEvmLog>;

/**
 * The indexer's edge to Kafka for EVM logs: one envelope per decoded log with its deterministic id,
 * all of a batch in one acknowledged publish (split only to stay under the broker's request size),
 * resolved only once Kafka acknowledged, so the caller may then commit its checkpoint. Each envelope
 * is validated once, by createEnvelope (`publishValidated` does not repeat it).
 */
@Injectable()
export class EvmLogPublisher {
  constructor(private readonly producer: EventProducer) {}

  async publish(logs: DecodedEvmLog[]): Promise<void> {
    if (logs.length === 0) return;
    const envelopes = logs.map((log) =>
      createEnvelope(topics.chainEvmLog, {
        id: evmLogEventId(log.chainId, log.blockHash, log.logIndex),
        source: SERVICE_NAME,
        subject: `${log.address.toLowerCase()}:${log.eventName}`,
        time: new Date(log.blockTime),
        data: log,
      }),
    );
    await this.producer.publishValidated(topics.chainEvmLog, envelopes);
  }
}
