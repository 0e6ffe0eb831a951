import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { opinionMarketAbi } from '@convergence/contracts';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../config/clock';
import type { OracleEnv } from '../config/env';
import { ORACLE_ENV, ORACLE_LOGGER } from '../config/tokens';
import { FaultInjector } from '../fault/fault-injector';
import { MarketEntity, type MarketChainStatus } from '../markets/market.entity';
import { SettlementStore } from '../settlement/settlement-store.service';
import { ChainCursorEntity } from './chain-cursor.entity';
import type { MarketContracts } from './contracts-file';
import type { EvmClients } from './evm-clients';
import { EVM_CLIENTS, MARKET_CONTRACTS } from './chain.tokens';

/**
 * Follows the OpinionMarket's events straight from the chain with viem (not chain.evm.log.v1; see
 * README) and projects them into markets and stakes. Each block range and the cursor after it commit
 * in one transaction, so a crash re-reads a range rather than skipping one. A MarketClosed queues the
 * market's settlement; a RandomnessFulfilled wakes it.
 */
@Injectable()
export class MarketLogSync implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  private headBlock?: bigint;
  private syncedBlock?: bigint;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVM_CLIENTS) private readonly clients: EvmClients,
    @Inject(MARKET_CONTRACTS) private readonly contracts: MarketContracts,
    @Inject(ORACLE_ENV) private readonly env: OracleEnv,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ORACLE_LOGGER) private readonly logger: Logger,
    private readonly settlements: SettlementStore,
    private readonly faults: FaultInjector,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Chain head and the last block whose logs are applied (GET /status). */
  progress(): { headBlock?: string; syncedBlock?: string } {
    return { headBlock: this.headBlock?.toString(), syncedBlock: this.syncedBlock?.toString() };
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.syncOnce()
        .catch((error: unknown) => this.logger.error({ err: error }, 'market log sync failed; retrying'))
        .finally(() => this.schedule(this.env.CHAIN_POLL_INTERVAL_MS));
    }, delayMs);
  }

  /** Applies every new block range up to the head; returns when caught up. */
  async syncOnce(): Promise<void> {
    const head = await this.clients.publicClient.getBlockNumber();
    this.headBlock = head;
    const address = this.contracts.opinionMarket.address.toLowerCase();
    let from = await this.cursor(address);
    while (!this.stopped && from <= head) {
      const to =
        from + BigInt(this.env.CHAIN_LOG_RANGE) - 1n < head
          ? from + BigInt(this.env.CHAIN_LOG_RANGE) - 1n
          : head;
      const logs = await this.clients.publicClient.getContractEvents({
        address: this.contracts.opinionMarket.address,
        abi: opinionMarketAbi,
        fromBlock: from,
        toBlock: to,
        strict: true,
      });
      let queued = false;
      await this.dataSource.transaction(async (manager) => {
        for (const log of logs) queued = (await this.apply(manager, log)) || queued;
        await manager.getRepository(ChainCursorEntity).upsert(
          {
            chainId: this.contracts.chainId,
            contract: address,
            nextBlock: (to + 1n).toString(),
            updatedAt: this.clock(),
          },
          ['chainId', 'contract'],
        );
      });
      if (queued) this.faults.reach('after-transition:queued');
      if (logs.length > 0)
        this.logger.info(
          { fromBlock: from.toString(), toBlock: to.toString(), logs: logs.length },
          'market logs applied',
        );
      this.syncedBlock = to;
      from = to + 1n;
    }
  }

  private async cursor(address: string): Promise<bigint> {
    const row = await this.dataSource
      .getRepository(ChainCursorEntity)
      .findOneBy({ chainId: this.contracts.chainId, contract: address });
    return row ? BigInt(row.nextBlock) : BigInt(this.contracts.opinionMarket.deployBlock);
  }

  private async apply(
    manager: EntityManager,
    log: Awaited<ReturnType<EvmClients['publicClient']['getContractEvents']>>[number] & {
      eventName: string;
      args: Record<string, unknown>;
    },
  ): Promise<boolean> {
    const chainId = this.contracts.chainId;
    const markets = manager.getRepository(MarketEntity);
    const args = log.args;
    const marketId = String(args['marketId']);
    const setStatus = (status: MarketChainStatus, extra: Partial<MarketEntity> = {}) =>
      markets.update({ chainId, marketId }, { status, updatedAt: this.clock(), ...extra });
    switch (log.eventName) {
      case 'MarketCreated':
        await manager
          .createQueryBuilder()
          .insert()
          .into(MarketEntity)
          .values({
            chainId,
            marketId,
            contract: this.contracts.opinionMarket.address.toLowerCase(),
            creator: String(args['creator']).toLowerCase(),
            statement: String(args['statement']),
            closesAt: new Date(Number(args['closesAt']) * 1_000),
            status: 'open',
            totalStaked: '0',
            winner: null,
            createdBlock: String(log.blockNumber),
            updatedAt: this.clock(),
          })
          .orIgnore()
          .execute();
        return false;
      case 'Staked': {
        const inserted = (await manager.query(
          `INSERT INTO stakes (chain_id, tx_hash, log_index, market_id, staker, amount, opinion_hash, block_number)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING log_index`,
          [
            chainId,
            String(log.transactionHash),
            Number(log.logIndex),
            marketId,
            String(args['staker']).toLowerCase(),
            String(args['amount']),
            String(args['opinionHash']).toLowerCase(),
            String(log.blockNumber),
          ],
        )) as unknown[];
        if (inserted.length > 0) {
          await markets.update(
            { chainId, marketId },
            { totalStaked: String(args['totalStaked']), updatedAt: this.clock() },
          );
        }
        return false;
      }
      case 'MarketClosed':
        await setStatus('closed');
        return this.settlements.enqueue(manager, chainId, marketId);
      case 'RandomnessRequested':
        await setStatus('randomness_requested');
        return false;
      case 'RandomnessFulfilled':
        await setStatus('randomness_fulfilled');
        await this.settlements.wake(manager, chainId, marketId);
        return false;
      case 'MarketSettled':
        await setStatus('settled', { winner: String(args['winner']).toLowerCase() });
        return false;
      default:
        return false; // SentimentRecorded, PrizeClaimed, role and pause events change nothing here
    }
  }
}
