import { Module } from '@nestjs/common';
import { HistoryController } from './history.controller';
import { HistoryService } from './history.service';

/** Alert history and notification audit over HTTP. */
@Module({ providers: [HistoryService], controllers: [HistoryController] })
export class HistoryModule {}
