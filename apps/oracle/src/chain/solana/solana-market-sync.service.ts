import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../../config/clock';
import type { OracleEnv } from '../../config/env';
import { ORACLE_ENV, ORACLE_LOGGER } from '../../config/tokens';
import { MarketEntity } from '../../markets/market.entity';
import { SettlementStore } from '../../settlement/settlement-store.service';
import { ChainCursorEntity } from '../chain-cursor.entity';
import { UnknownMarketError } from '../evm-market.adapter';
import { MARKET_CHAIN_ADAPTER, type MarketChainAdapter } from '../market-chain.adapter';
import type { SolanaMarket } from './solana-market.codec';
import type { SolanaMarketAdapter } from './solana-market.adapter';

/**
 * SETTLEMENT_CHAIN=solana: markets come from the program's Market accounts. Market ids are sequential
 * from 1 (as the EVM contract's), so each poll reads new ids until one has no account, and re-reads
 * every market not yet settled; each is projected into markets and stakes like the EVM log reader's,
 * a closed one is queued, a fulfilled one woken. Polling accounts is what the shim and any RPC serve;
 * with many markets a `chain.solana.tx.v1` consumer decoding the program's events would replace it.
 * Only types come from the Solana modules: web3.js and Anchor load only in Solana mode.
 */
@Injectable()
export class SolanaMarketSync implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MARKET_CHAIN_ADAPTER) private readonly chain: MarketChainAdapter,
    @Inject(ORACLE_ENV) private readonly env: OracleEnv,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ORACLE_LOGGER) private readonly logger: Logger,
    private readonly settlements: SettlementStore,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.SETTLEMENT_CHAIN === 'solana') this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.syncOnce()
        .catch((error: unknown) => this.logger.error({ err: error }, 'solana market sync failed; retrying'))
        .finally(() => this.schedule(this.env.CHAIN_POLL_INTERVAL_MS));
    }, delayMs);
  }

  /** Reads new market ids until one is missing, and every known market not settled yet. */
  async syncOnce(): Promise<void> {
    const adapter = this.chain as SolanaMarketAdapter;
    const program = this.env.SOLANA_PROGRAM_ID;
    const cursors = this.dataSource.getRepository(ChainCursorEntity);
    const cursor = await cursors.findOneBy({ chainId: adapter.chainId, contract: program });
    let next = cursor ? BigInt(cursor.nextBlock) : 1n;
    const open = (await this.dataSource.query(
      `SELECT market_id FROM markets WHERE chain_id = $1 AND status <> 'settled'`,
      [adapter.chainId],
    )) as Array<{ market_id: string }>;
    for (const { market_id } of open) await this.apply(await adapter.readMarketAccount(market_id));
    while (!this.stopped) {
      let market: SolanaMarket;
      try {
        market = await adapter.readMarketAccount(next.toString());
      } catch (error) {
        if (error instanceof UnknownMarketError) break;
        throw error;
      }
      await this.apply(market);
      next += 1n;
      await cursors.upsert(
        { chainId: adapter.chainId, contract: program, nextBlock: next.toString(), updatedAt: this.clock() },
        ['chainId', 'contract'],
      );
    }
  }

  private async apply(market: SolanaMarket): Promise<void> {
    const chainId = this.chain.chainId;
    const marketId = market.marketId.toString();
    const address = (this.chain as SolanaMarketAdapter).marketAddress(market.marketId);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(MarketEntity).upsert(
        {
          chainId,
          marketId,
          contract: this.env.SOLANA_PROGRAM_ID,
          creator: market.creator,
          statement: market.statement,
          closesAt: market.closesAt,
          status: market.status,
          totalStaked: market.totalStaked.toString(),
          winner: market.winner ?? null,
          createdBlock: '0',
          lastBlock: '0',
          updatedAt: this.clock(),
        },
        ['chainId', 'marketId'],
      );
      for (const [index, stake] of market.stakes.entries()) {
        // A stake is an entry of the Market account: keyed by the account and its index in it.
        await manager.query(
          `INSERT INTO stakes (chain_id, tx_hash, log_index, market_id, staker, amount, opinion_hash, block_number)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 0) ON CONFLICT DO NOTHING`,
          [chainId, address, index, marketId, stake.staker, stake.amount.toString(), stake.opinionHash],
        );
      }
      if (market.status !== 'open') await this.settlements.enqueue(manager, chainId, marketId);
      if (market.status === 'randomness_fulfilled') await this.settlements.wake(manager, chainId, marketId);
    });
  }
}
