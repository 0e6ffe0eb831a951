import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { opinionMarketAbi } from '@convergence/contracts';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { BlockNotFoundError } from 'viem';
import { CLOCK, type Clock } from '../config/clock';
import { evmChainNameOf, type OracleEnv } from '../config/env';
import { ORACLE_ENV, ORACLE_LOGGER } from '../config/tokens';
import { FaultInjector } from '../fault/fault-injector';
import { MarketEntity, type MarketChainStatus } from '../markets/market.entity';
import { OracleMetrics } from '../metrics/oracle.metrics';
import { SettlementStore } from '../settlement/settlement-store.service';
import { ChainBlockEntity } from './chain-block.entity';
import { ChainCursorEntity } from './chain-cursor.entity';
import type { MarketContracts } from './contracts-file';
import type { EvmClients } from './evm-clients';
import { EVM_CLIENTS, MARKET_CONTRACTS } from './chain.tokens';
import { MARKET_STATUSES } from './evm-market.adapter';
import { forkPointOf, safeHeadOf } from './fork-point.util';

type MarketLog = Awaited<ReturnType<EvmClients['publicClient']['getContractEvents']>>[number] & {
  eventName: string;
  args: Record<string, unknown>;
};

/** The chain moved under a range while it was read; the range is read again on the next poll. */
class RangeMovedError extends Error {
  override readonly name = 'RangeMovedError';
}

/**
 * Follows the OpinionMarket's events straight from the chain with viem (not chain.evm.log.v1; see
 * README) and projects them into markets and stakes. Each block range and the cursor after it commit
 * in one transaction, so a crash re-reads a range rather than skipping one. A MarketClosed queues the
 * market's settlement; a RandomnessFulfilled wakes it.
 *
 * Reorgs: logs are read up to CHAIN_CONFIRMATIONS below the head, and the hashes of the blocks applied
 * are kept. Before each poll the newest one is compared with the chain; when it changed (or the chain
 * is now shorter), the reader walks back to the newest block still canonical, undoes what the orphaned
 * blocks did (their markets and stakes go, markets they changed are re-read from the chain at the fork
 * block) and reads forward again from there.
 */
@Injectable()
export class MarketLogSync implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  private headBlock?: bigint;
  private syncedBlock?: bigint;
  private readonly chainName: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVM_CLIENTS) private readonly clients: EvmClients,
    @Inject(MARKET_CONTRACTS) private readonly contracts: MarketContracts,
    @Inject(ORACLE_ENV) private readonly env: OracleEnv,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ORACLE_LOGGER) private readonly logger: Logger,
    private readonly settlements: SettlementStore,
    private readonly faults: FaultInjector,
    private readonly metrics: OracleMetrics,
  ) {
    this.chainName = evmChainNameOf(env);
  }

  onApplicationBootstrap(): void {
    if (this.env.SETTLEMENT_CHAIN === 'evm') this.schedule(0);
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

  /** Rewinds past a reorg if there was one, then applies every new block range up to the safe head. */
  async syncOnce(): Promise<void> {
    const head = await this.clients.publicClient.getBlockNumber();
    this.headBlock = head;
    await this.rewindIfReorged();
    const safeHead = safeHeadOf(head, this.env.CHAIN_CONFIRMATIONS);
    const address = this.contracts.opinionMarket.address.toLowerCase();
    let from = await this.cursor(address);
    while (!this.stopped && from <= safeHead) {
      const to =
        from + BigInt(this.env.CHAIN_LOG_RANGE) - 1n < safeHead
          ? from + BigInt(this.env.CHAIN_LOG_RANGE) - 1n
          : safeHead;
      // The range's last block is read before its logs: a reorg of any block up to `to` changes its
      // hash, so logs from another branch than the hash kept are caught at the next poll.
      const toHash = (await this.clients.publicClient.getBlock({ blockNumber: to })).hash;
      const logs = (await this.clients.publicClient.getContractEvents({
        address: this.contracts.opinionMarket.address,
        abi: opinionMarketAbi,
        fromBlock: from,
        toBlock: to,
        strict: true,
      })) as MarketLog[];
      if (logs.some((log) => log.blockNumber === to && log.blockHash !== toHash)) {
        throw new RangeMovedError(`block ${to} changed while its logs were read`);
      }
      let queued = false;
      let staked = 0n;
      await this.dataSource.transaction(async (manager) => {
        for (const log of logs) {
          const effect = await this.apply(manager, log);
          queued = effect.queued || queued;
          staked += effect.staked;
        }
        await this.remember(manager, to, toHash, logs);
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
      if (staked > 0n) {
        this.metrics.stakeVolume.inc(
          { chain: this.chainName },
          Number(staked) / 10 ** this.env.STAKE_TOKEN_DECIMALS,
        );
      }
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

  /** Keeps the hashes of the range's last block and of every block with a log; forgets old ones. */
  private async remember(
    manager: EntityManager,
    to: bigint,
    toHash: string,
    logs: MarketLog[],
  ): Promise<void> {
    const blocks = new Map<bigint, string>([[to, toHash]]);
    for (const log of logs) {
      if (log.blockNumber !== null && log.blockHash !== null) blocks.set(log.blockNumber, log.blockHash);
    }
    await manager.getRepository(ChainBlockEntity).upsert(
      [...blocks].map(([number, hash]) => ({
        chainId: this.contracts.chainId,
        number: number.toString(),
        hash,
      })),
      ['chainId', 'number'],
    );
    await manager.query(`DELETE FROM chain_blocks WHERE chain_id = $1 AND number < $2`, [
      this.contracts.chainId,
      (to - BigInt(this.env.CHAIN_REORG_WINDOW)).toString(),
    ]);
  }

  /** The chain's hash at `number`, or undefined when the chain has no such block (it got shorter). */
  private async canonicalHashAt(number: bigint): Promise<string | undefined> {
    try {
      return (await this.clients.publicClient.getBlock({ blockNumber: number })).hash;
    } catch (error) {
      if (error instanceof BlockNotFoundError) return undefined;
      throw error;
    }
  }

  private async rewindIfReorged(): Promise<void> {
    const chainId = this.contracts.chainId;
    const seen = (
      await this.dataSource
        .getRepository(ChainBlockEntity)
        .find({ where: { chainId }, order: { number: 'DESC' } })
    ).map((b) => ({ number: BigInt(b.number), hash: b.hash }));
    const newest = seen[0];
    if (!newest || (await this.canonicalHashAt(newest.number)) === newest.hash) return;
    const fork =
      (await forkPointOf(seen.slice(1), (n) => this.canonicalHashAt(n))) ??
      BigInt(this.contracts.opinionMarket.deployBlock) - 1n;
    // Markets the orphaned blocks changed but did not create: their state as of the fork block.
    const touched = (await this.dataSource.query(
      `SELECT market_id FROM markets WHERE chain_id = $1 AND last_block > $2 AND created_block <= $2`,
      [chainId, fork.toString()],
    )) as Array<{ market_id: string }>;
    const restored = await Promise.all(
      touched.map(async ({ market_id }) => ({
        marketId: market_id,
        market: await this.clients.publicClient.readContract({
          address: this.contracts.opinionMarket.address,
          abi: opinionMarketAbi,
          functionName: 'getMarket',
          args: [BigInt(market_id)],
          blockNumber: fork,
        }),
      })),
    );
    const reopened = restored
      .filter((r) => MARKET_STATUSES[r.market.status] === 'open')
      .map((r) => r.marketId);
    await this.dataSource.transaction(async (manager) => {
      const params = [chainId, fork.toString()];
      // A settlement queued by an orphaned MarketClosed has sent nothing that survived (the chain says
      // the market is open, or gone): it is dropped, and the real close queues the market again.
      const dropped = (await manager.query(
        `DELETE FROM settlement_jobs j WHERE j.chain_id = $1 AND j.state IN ('queued', 'analyzing')
            AND (j.market_id = ANY($3) OR EXISTS (SELECT 1 FROM markets m WHERE m.chain_id = j.chain_id
                 AND m.market_id = j.market_id AND m.created_block > $2))
          RETURNING j.market_id`,
        [...params, reopened],
      )) as [Array<{ market_id: string }>, number];
      if (dropped[0].length > 0)
        this.logger.warn(
          { markets: dropped[0].map((r) => r.market_id) },
          'reorg: settlements of orphaned closes dropped',
        );
      await manager.query(`DELETE FROM stakes WHERE chain_id = $1 AND block_number > $2`, params);
      await manager.query(`DELETE FROM markets WHERE chain_id = $1 AND created_block > $2`, params);
      for (const { marketId, market } of restored) {
        await manager.getRepository(MarketEntity).update(
          { chainId, marketId },
          {
            status: MARKET_STATUSES[market.status] ?? 'open',
            totalStaked: market.totalStaked.toString(),
            winner: MARKET_STATUSES[market.status] === 'settled' ? market.winner.toLowerCase() : null,
            lastBlock: fork.toString(),
            updatedAt: this.clock(),
          },
        );
      }
      await manager.query(`DELETE FROM chain_blocks WHERE chain_id = $1 AND number > $2`, params);
      await manager
        .getRepository(ChainCursorEntity)
        .update(
          { chainId, contract: this.contracts.opinionMarket.address.toLowerCase() },
          { nextBlock: (fork + 1n).toString(), updatedAt: this.clock() },
        );
    });
    this.metrics.chainReorgs.inc({ chain: this.chainName });
    this.logger.warn(
      {
        orphanedFrom: (fork + 1n).toString(),
        seenHead: newest.number.toString(),
        marketsRestored: restored.length,
      },
      'reorg: market logs of orphaned blocks undone; reading again from the fork',
    );
  }

  private async apply(manager: EntityManager, log: MarketLog): Promise<{ queued: boolean; staked: bigint }> {
    const chainId = this.contracts.chainId;
    const markets = manager.getRepository(MarketEntity);
    const args = log.args;
    const marketId = String(args['marketId']);
    const block = String(log.blockNumber);
    const none = { queued: false, staked: 0n };
    const setStatus = (status: MarketChainStatus, extra: Partial<MarketEntity> = {}) =>
      markets.update({ chainId, marketId }, { status, lastBlock: block, updatedAt: this.clock(), ...extra });
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
            createdBlock: block,
            lastBlock: block,
            updatedAt: this.clock(),
          })
          .orIgnore()
          .execute();
        return none;
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
            block,
          ],
        )) as unknown[];
        if (inserted.length === 0) return none;
        await markets.update(
          { chainId, marketId },
          { totalStaked: String(args['totalStaked']), lastBlock: block, updatedAt: this.clock() },
        );
        return { queued: false, staked: BigInt(String(args['amount'])) };
      }
      case 'MarketClosed':
        await setStatus('closed');
        return { queued: await this.settlements.enqueue(manager, chainId, marketId), staked: 0n };
      case 'RandomnessRequested':
        await setStatus('randomness_requested');
        return none;
      case 'RandomnessFulfilled':
        await setStatus('randomness_fulfilled');
        await this.settlements.wake(manager, chainId, marketId);
        return none;
      case 'MarketSettled':
        await setStatus('settled', { winner: String(args['winner']).toLowerCase() });
        return none;
      default:
        return none; // SentimentRecorded, PrizeClaimed, role and pause events change nothing here
    }
  }
}
