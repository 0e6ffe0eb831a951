import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MARKET_CHAIN_ADAPTER, type MarketChainAdapter } from '../chain/market-chain.adapter';
import { LlmLedgerService } from '../llm/llm-ledger.service';
import { OracleMetrics } from './oracle.metrics';

/** The states oracle_markets reports, always all five (0 when none). */
export const MARKET_GAUGE_STATES = ['open', 'closed', 'settling', 'settled', 'failed'] as const;

/**
 * Fills the gauges whose truth lives elsewhere at scrape time: markets by state from Postgres, the
 * month's LLM spend from the ledger, the signer's balance from the chain, the oldest unmined
 * transaction from the chain adapter.
 */
@Injectable()
export class ScrapedGaugesService implements OnModuleInit {
  constructor(
    private readonly metrics: OracleMetrics,
    private readonly ledger: LlmLedgerService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MARKET_CHAIN_ADAPTER) private readonly chain: MarketChainAdapter,
  ) {}

  onModuleInit(): void {
    this.metrics.refreshOnScrape('markets', () => this.refreshMarkets());
    this.metrics.refreshOnScrape('llmSpendMonth', async () =>
      this.metrics.llmSpendMonth.set((await this.ledger.spent()).monthUsd),
    );
    this.metrics.refreshOnScrape('signerBalance', async () =>
      this.metrics.signerBalance.set(
        { chain: this.chain.chainName, address: this.chain.signer },
        await this.chain.signerBalance(),
      ),
    );
    this.metrics.refreshOnScrape('oldestPendingTransactionAge', () => {
      this.metrics.oldestPendingTransactionAge.set(
        { chain: this.chain.chainName },
        this.chain.oldestPendingTransactionAgeSeconds(),
      );
      return Promise.resolve();
    });
  }

  /** open / closed on chain and not queued yet / settling (a job is open) / settled / failed. */
  private async refreshMarkets(): Promise<void> {
    const rows = (await this.dataSource.query(
      `SELECT CASE WHEN j.state = 'failed' THEN 'failed'
                   WHEN j.state = 'settled' OR m.status = 'settled' THEN 'settled'
                   WHEN j.state IS NOT NULL THEN 'settling'
                   WHEN m.status <> 'open' THEN 'closed'
                   ELSE 'open' END AS state, count(*)::int AS n
         FROM markets m LEFT JOIN settlement_jobs j ON j.chain_id = m.chain_id AND j.market_id = m.market_id
        GROUP BY 1`,
    )) as Array<{ state: string; n: number }>;
    const counts = new Map(rows.map((r) => [r.state, r.n]));
    for (const state of MARKET_GAUGE_STATES) this.metrics.markets.set({ state }, counts.get(state) ?? 0);
  }
}
