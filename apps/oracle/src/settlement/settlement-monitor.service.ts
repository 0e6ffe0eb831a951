import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../config/clock';
import type { OracleEnv } from '../config/env';
import { ORACLE_ENV, ORACLE_LOGGER } from '../config/tokens';
import { SettlementStore } from './settlement-store.service';

/**
 * Every MONITOR_INTERVAL_MS, queues each known market that is closed — or still open past closesAt —
 * and has no settlement yet (MarketClosed events queue at once; this catches expiries and misses).
 */
@Injectable()
export class SettlementMonitor implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: SettlementStore,
    @Inject(ORACLE_ENV) private readonly env: OracleEnv,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ORACLE_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.sweep()
        .catch((error: unknown) => {
          this.logger.error({ err: error }, 'settlement monitor sweep failed');
          return 0;
        })
        .finally(() => (this.running = undefined));
    }, this.env.MONITOR_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Queues what is due; returns how many markets were queued. */
  async sweep(): Promise<number> {
    const now = this.clock();
    const due = (await this.dataSource.query(
      `SELECT m.chain_id, m.market_id FROM markets m
        WHERE (m.status = 'closed' OR (m.status = 'open' AND m.closes_at <= $1))
          AND NOT EXISTS (SELECT 1 FROM settlement_jobs j WHERE j.chain_id = m.chain_id AND j.market_id = m.market_id)
        ORDER BY m.closes_at LIMIT 1000`,
      [now],
    )) as Array<{ chain_id: number; market_id: string }>;
    let queued = 0;
    for (const row of due) {
      const added = await this.dataSource.transaction((manager) =>
        this.store.enqueue(manager, row.chain_id, row.market_id),
      );
      if (added) queued++;
    }
    if (queued > 0) this.logger.info({ queued }, 'monitor queued closed or expired markets');
    return queued;
  }
}
