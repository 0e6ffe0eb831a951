import { Module } from '@nestjs/common';
import { EvmLogPublisher } from './evm-log.publisher';

@Module({ providers: [EvmLogPublisher], exports: [EvmLogPublisher] })
export class PublishingModule {}
