import { Module } from '@nestjs/common';
import { ChainEventsConsumer } from './chain-events.consumer';
import { EvmLogBatchProcessor } from './evm-log-batch.processor';
import { EvmReorgProcessor } from './evm-reorg.processor';
import { SolanaHoldingsStore } from '../solana/solana-holdings.store';
import { SolanaTxBatchProcessor } from '../solana/solana-tx-batch.processor';

/** Chain logs and reorgs into profiles and achievements; Solana transfers into holdings. */
@Module({
  providers: [
    EvmLogBatchProcessor,
    EvmReorgProcessor,
    SolanaHoldingsStore,
    SolanaTxBatchProcessor,
    ChainEventsConsumer,
  ],
})
export class ChainEventsModule {}
