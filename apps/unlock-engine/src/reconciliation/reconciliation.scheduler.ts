import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EVM_CHAIN_CLIENT, type EvmChainClient } from '../chain/evm-chain.client';
import { ENGINE_ENV, type UnlockEngineEnv } from '../config/env';
import { ReconciliationService } from './reconciliation.service';

/**
 * Every UNLOCK_RECONCILE_INTERVAL_MS, reconciles the UNLOCK_RECONCILE_BATCH wallets compared least
 * recently (never compared first). Off when the interval is 0 or no RPC endpoint is configured.
 */
@Injectable()
export class ReconciliationScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReconciliationScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ENGINE_ENV) private readonly env: UnlockEngineEnv,
    private readonly reconciliation: ReconciliationService,
    @Optional() @Inject(EVM_CHAIN_CLIENT) private readonly chain?: EvmChainClient,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.UNLOCK_RECONCILE_INTERVAL_MS === 0 || this.chain === undefined) return;
    this.timer = setInterval(() => {
      this.running ??= this.runOnce()
        .then(() => undefined)
        .catch((error: unknown) => this.logger.error({ msg: 'scheduled reconciliation failed', err: error }))
        .finally(() => (this.running = undefined));
    }, this.env.UNLOCK_RECONCILE_INTERVAL_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One scheduled pass; returns how many wallets had drift. */
  async runOnce(): Promise<number> {
    const wallets = (await this.dataSource.query(
      `SELECT w.wallet FROM (SELECT DISTINCT wallet FROM wallet_activity) w
       LEFT JOIN wallet_reconciliations r ON r.wallet = w.wallet
       ORDER BY r.reconciled_at NULLS FIRST, w.wallet LIMIT $1`,
      [this.env.UNLOCK_RECONCILE_BATCH],
    )) as Array<{ wallet: string }>;
    let drifted = 0;
    for (const { wallet } of wallets) {
      const report = await this.reconciliation.reconcile(wallet, 'schedule');
      if (report.corrected) drifted++;
    }
    if (wallets.length > 0)
      this.logger.log({ msg: 'scheduled reconciliation', wallets: wallets.length, drifted });
    return drifted;
  }
}
