import { Module } from '@nestjs/common';
import { ChainEventsConsumer } from './chain-events.consumer';
import { EvmLogBatchProcessor } from './evm-log-batch.processor';
import { EvmReorgProcessor } from './evm-reorg.processor';

/** Chain logs and reorgs into profiles and achievements. */
@Module({ providers: [EvmLogBatchProcessor, EvmReorgProcessor, ChainEventsConsumer] })
export class ChainEventsModule {}
