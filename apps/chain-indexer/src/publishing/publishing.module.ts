import { Module } from '@nestjs/common';
import { AlertPublisher } from './alert.publisher';
import { EvmLogPublisher } from './evm-log.publisher';
import { EvmReorgPublisher } from './evm-reorg.publisher';

@Module({
  providers: [EvmLogPublisher, EvmReorgPublisher, AlertPublisher],
  exports: [EvmLogPublisher, EvmReorgPublisher, AlertPublisher],
})
export class PublishingModule {}
