import { Module } from '@nestjs/common';
import { MarketLogSync } from '../chain/market-log-sync.service';
import { SolanaMarketSync } from '../chain/solana/solana-market-sync.service';
import { LlmModule } from '../llm/llm.module';
import { MarketsModule } from '../markets/markets.module';
import { ScrapedGaugesService } from '../metrics/scraped-gauges.service';
import { StatusController } from '../status/status.controller';
import { SettlementMonitor } from './settlement-monitor.service';
import { SettlementStore } from './settlement-store.service';
import { SettlementWorker } from './settlement-worker.service';
import { SettlementsController } from './settlements.controller';

/** Chain sync, the monitor, the durable settlement state machine and the gauges read at scrape time. */
@Module({
  imports: [LlmModule, MarketsModule],
  controllers: [SettlementsController, StatusController],
  providers: [
    SettlementStore,
    MarketLogSync,
    SolanaMarketSync,
    SettlementMonitor,
    SettlementWorker,
    ScrapedGaugesService,
  ],
})
export class SettlementModule {}
