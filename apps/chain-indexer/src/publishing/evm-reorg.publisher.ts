import { Injectable } from '@nestjs/common';
import { EventProducer } from '@convergence/messaging';
import { createEnvelope, topics } from '@convergence/schemas';
import { SERVICE_NAME } from '../config/env';
import type { EvmReorgData } from '../reorgs/reorg-event.util';

/**
 * Publishes chain.evm.reorg.v1 and resolves once Kafka acknowledged, before the checkpoint rewinds.
 * The id is deterministic (chain, common ancestor, orphaned head), so a reorg republished after a
 * crash carries the same id.
 */
@Injectable()
export class EvmReorgPublisher {
  constructor(private readonly producer: EventProducer) {}

  async publish(reorg: EvmReorgData, at: Date): Promise<void> {
    const orphanedHead = reorg.orphanedBlocks.at(-1)?.hash ?? reorg.commonAncestor.hash;
    await this.producer.publishValidated(
      topics.chainEvmReorg,
      createEnvelope(topics.chainEvmReorg, {
        id: `${reorg.chainId}:reorg:${reorg.commonAncestor.hash.toLowerCase()}:${orphanedHead.toLowerCase()}`,
        source: SERVICE_NAME,
        subject: String(reorg.chainId),
        time: at,
        data: reorg,
      }),
    );
  }
}
