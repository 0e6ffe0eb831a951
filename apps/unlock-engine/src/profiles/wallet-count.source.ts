import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EngineMetrics } from '../metrics/engine.metrics';

/**
 * Feeds `unlock_engine_wallets` (the user-growth dashboard's "wallets" panel) from the projection
 * at scrape time: distinct wallets in `wallet_activity`, an index-only scan of its primary key.
 */
@Injectable()
export class WalletCountSource implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly metrics: EngineMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.metrics.countWalletsWith(() => this.count());
  }

  /** Wallets with any projected activity. */
  async count(): Promise<number> {
    const [row] = (await this.dataSource.query(
      'SELECT count(DISTINCT wallet)::int AS n FROM wallet_activity',
    )) as Array<{ n: number }>;
    return row?.n ?? 0;
  }
}
