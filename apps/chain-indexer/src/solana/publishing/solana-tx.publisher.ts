import { Injectable } from '@nestjs/common';
import { EventProducer } from '@convergence/messaging';
import { createEnvelope, topics } from '@convergence/schemas';
import { SERVICE_NAME } from '../../config/env';
import type { SolanaTxEvent } from '../decoding/solana-tx-events.util';

/**
 * The Solana indexer's edge to Kafka: one chain.solana.tx.v1 envelope per decoded event with its
 * deterministic id, resolved only once Kafka acknowledged, so the caller may then commit its checkpoint.
 */
@Injectable()
export class SolanaTxPublisher {
  constructor(private readonly producer: EventProducer) {}

  async publish(events: readonly SolanaTxEvent[], now: Date): Promise<void> {
    if (events.length === 0) return;
    const envelopes = events.map((event) =>
      createEnvelope(topics.chainSolanaTx, {
        id: event.id,
        source: SERVICE_NAME,
        subject: `${event.data.programId}:${event.data.name}`,
        time: event.data.blockTime ? new Date(event.data.blockTime) : now,
        data: event.data,
      }),
    );
    await this.producer.publishValidated(topics.chainSolanaTx, envelopes);
  }
}
