import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reorg returning to a branch an earlier reorg orphaned (A→B→A) forgets that branch's orphaned
 * logs by block hash; this index holds only orphaned logs, so it stays small.
 */
export class OrphanFlips1763830000000 implements MigrationInterface {
  name = 'OrphanFlips1763830000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "chain_events_orphaned_idx" ON "chain_events" ("chain_id", "block_hash") WHERE orphaned`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "chain_events_orphaned_idx"`);
  }
}
