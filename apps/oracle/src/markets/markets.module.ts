import { Module } from '@nestjs/common';
import { MarketsController } from './markets.controller';
import { MarketsService } from './markets.service';

/** The markets API: listing, creation on chain, signed opinions, portfolios. */
@Module({ controllers: [MarketsController], providers: [MarketsService], exports: [MarketsService] })
export class MarketsModule {}
