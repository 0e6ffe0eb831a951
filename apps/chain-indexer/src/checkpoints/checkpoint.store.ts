import type { Hex } from 'viem';
import type { DataSource, EntityManager } from 'typeorm';
import type { ChainBlock } from '../reorgs/chain-block.model';
import { EvmCheckpointEntity } from './evm-checkpoint.entity';
import { EvmRecentBlockEntity } from './evm-recent-block.entity';

/** A chain's saved progress. */
export interface ChainProgress {
  /** The first block not yet indexed; undefined before the chain's first commit. */
  readonly nextBlock: bigint | undefined;
  /** The recent blocks' hashes, oldest first (one linked chain). */
  readonly recentBlocks: readonly ChainBlock[];
  readonly halted: { readonly reason: string; readonly at: Date } | undefined;
}

/**
 * Chains' checkpoints and recent block hashes in Postgres. The indexer commits here only after
 * Kafka acknowledged the logs below `nextBlock`, so a crash in between republishes them (same ids)
 * rather than skipping them.
 */
export class CheckpointStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async load(chainId: number): Promise<ChainProgress> {
    const checkpoint = await this.dataSource.getRepository(EvmCheckpointEntity).findOneBy({ chainId });
    const rows = await this.dataSource
      .getRepository(EvmRecentBlockEntity)
      .find({ where: { chainId }, order: { blockNumber: 'ASC' } });
    return {
      nextBlock: checkpoint ? BigInt(checkpoint.nextBlock) : undefined,
      recentBlocks: rows.map((row) => ({
        number: BigInt(row.blockNumber),
        hash: row.blockHash as Hex,
        parentHash: row.parentHash as Hex,
      })),
      halted:
        checkpoint?.haltedReason && checkpoint.haltedAt
          ? { reason: checkpoint.haltedReason, at: checkpoint.haltedAt }
          : undefined,
    };
  }

  /**
   * Moves the checkpoint to `nextBlock`, adds `blocks` to the recent ones and forgets those below
   * `keepFrom` — or all earlier ones with `replace` (after a backfill range, whose blocks are final).
   */
  async commit(
    chainId: number,
    nextBlock: bigint,
    blocks: readonly ChainBlock[],
    keepFrom: bigint,
    replace = false,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.saveCheckpoint(manager, chainId, nextBlock);
      const recent = manager.getRepository(EvmRecentBlockEntity);
      if (replace) await recent.delete({ chainId });
      else
        await manager.query(`DELETE FROM "evm_recent_blocks" WHERE chain_id = $1 AND block_number < $2`, [
          chainId,
          keepFrom.toString(),
        ]);
      if (blocks.length > 0)
        await recent.upsert(
          blocks.map((block) => rowOf(chainId, block)),
          ['chainId', 'blockNumber'],
        );
    });
  }

  /** After a reorg: resume right above the common ancestor and forget the orphaned blocks. */
  async rewind(chainId: number, ancestorNumber: bigint): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.saveCheckpoint(manager, chainId, ancestorNumber + 1n);
      await manager.query(`DELETE FROM "evm_recent_blocks" WHERE chain_id = $1 AND block_number > $2`, [
        chainId,
        ancestorNumber.toString(),
      ]);
    });
  }

  /** Re-index from `fromBlock`: forget the recent blocks and any halt. */
  async reset(chainId: number, fromBlock: bigint): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.saveCheckpoint(manager, chainId, fromBlock, { haltedReason: null, haltedAt: null });
      await manager.getRepository(EvmRecentBlockEntity).delete({ chainId });
    });
  }

  /** Stops the chain for good (until a re-index): a restart must not resume past a reorg it could not follow. */
  async halt(chainId: number, reason: string, nextBlock: bigint): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const existing = await manager.getRepository(EvmCheckpointEntity).findOneBy({ chainId });
      await this.saveCheckpoint(manager, chainId, existing ? BigInt(existing.nextBlock) : nextBlock, {
        haltedReason: reason,
        haltedAt: this.clock(),
      });
    });
  }

  private async saveCheckpoint(
    manager: EntityManager,
    chainId: number,
    nextBlock: bigint,
    halt?: Pick<EvmCheckpointEntity, 'haltedReason' | 'haltedAt'>,
  ): Promise<void> {
    await manager.getRepository(EvmCheckpointEntity).upsert(
      {
        chainId,
        nextBlock: nextBlock.toString(),
        updatedAt: this.clock(),
        ...(halt ?? {}),
      },
      ['chainId'],
    );
  }
}

function rowOf(chainId: number, block: ChainBlock): EvmRecentBlockEntity {
  return {
    chainId,
    blockNumber: block.number.toString(),
    blockHash: block.hash,
    parentHash: block.parentHash,
  };
}
