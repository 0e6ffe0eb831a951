import { Module } from '@nestjs/common';
import { MarketLogSync } from '../chain/market-log-sync.service';
import { LlmModule } from '../llm/llm.module';
import { MarketsModule } from '../markets/markets.module';
import { StatusController } from '../status/status.controller';
import { SettlementMonitor } from './settlement-monitor.service';
import { SettlementStore } from './settlement-store.service';
import { SettlementWorker } from './settlement-worker.service';
import { SettlementsController } from './settlements.controller';

/** Chain sync, the monitor and the durable settlement state machine. */
@Module({
  imports: [LlmModule, MarketsModule],
  controllers: [SettlementsController, StatusController],
  providers: [SettlementStore, MarketLogSync, SettlementMonitor, SettlementWorker],
})
export class SettlementModule {}
