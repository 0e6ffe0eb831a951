import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cheaper writes per Kafka batch. Balances and activity counters are updated in place by every
 * batch: free room on their pages lets Postgres update them as heap-only tuples (no new index
 * entry per update). A log is looked up by block hash only while unconfirmed (a reorg orphaning its
 * block), so that index no longer carries every confirmed log.
 */
export class BatchWriteCosts1763800000000 implements MigrationInterface {
  name = 'BatchWriteCosts1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "wallet_balances" SET (fillfactor = 70)`);
    await queryRunner.query(`ALTER TABLE "wallet_activity" SET (fillfactor = 70)`);
    await queryRunner.query(`DROP INDEX "chain_events_block_idx"`);
    await queryRunner.query(
      `CREATE INDEX "chain_events_block_idx" ON "chain_events" ("chain_id", "block_hash") WHERE NOT confirmed AND NOT orphaned`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "chain_events_block_idx"`);
    await queryRunner.query(
      `CREATE INDEX "chain_events_block_idx" ON "chain_events" ("chain_id", "block_hash")`,
    );
    await queryRunner.query(`ALTER TABLE "wallet_activity" RESET (fillfactor)`);
    await queryRunner.query(`ALTER TABLE "wallet_balances" RESET (fillfactor)`);
  }
}
