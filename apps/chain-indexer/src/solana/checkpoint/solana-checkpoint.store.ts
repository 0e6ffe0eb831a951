import type { DataSource } from 'typeorm';
import type { SolanaCheckpoint } from './solana-checkpoint.model';
import { SolanaCheckpointEntity } from './solana-checkpoint.entity';

/**
 * Solana programs' checkpoints in Postgres. The indexer saves here only after Kafka acknowledged
 * the events up to `lastSignature`, so a crash in between republishes them (same ids), never skips.
 */
export class SolanaCheckpointStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async load(cluster: string, programId: string): Promise<SolanaCheckpoint | undefined> {
    const row = await this.dataSource.getRepository(SolanaCheckpointEntity).findOneBy({ cluster, programId });
    if (!row) return undefined;
    return {
      lastSignature: row.lastSignature ?? undefined,
      lastSlot: row.lastSlot === null ? undefined : BigInt(row.lastSlot),
      indexedSlot: row.indexedSlot === null ? undefined : BigInt(row.indexedSlot),
    };
  }

  async save(
    cluster: string,
    program: { programId: string; name: string },
    checkpoint: SolanaCheckpoint,
  ): Promise<void> {
    await this.dataSource.getRepository(SolanaCheckpointEntity).upsert(
      {
        cluster,
        programId: program.programId,
        programName: program.name,
        lastSignature: checkpoint.lastSignature ?? null,
        lastSlot: checkpoint.lastSlot?.toString() ?? null,
        indexedSlot: checkpoint.indexedSlot?.toString() ?? null,
        updatedAt: this.clock(),
      },
      ['cluster', 'programId'],
    );
  }

  /**
   * Admin re-index: from `fromSlot` (a checkpoint without a signature), or without one from the
   * program's configured start (the checkpoint is forgotten).
   */
  async reindex(
    cluster: string,
    program: { programId: string; name: string },
    fromSlot?: bigint,
  ): Promise<void> {
    if (fromSlot === undefined) {
      await this.dataSource
        .getRepository(SolanaCheckpointEntity)
        .delete({ cluster, programId: program.programId });
      return;
    }
    const indexedSlot = fromSlot > 0n ? fromSlot - 1n : undefined;
    await this.save(cluster, program, { lastSignature: undefined, lastSlot: fromSlot, indexedSlot });
  }
}
