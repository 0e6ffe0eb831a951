import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lease owners (a worker writes only to jobs it still holds), the block that last touched each market,
 * and recent block hashes of the market log reader (reorg detection).
 */
export class OracleLeasesReorgs1763780000000 implements MigrationInterface {
  name = 'OracleLeasesReorgs1763780000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "settlement_jobs" ADD "lease_owner" text`);
    await queryRunner.query(`ALTER TABLE "markets" ADD "last_block" bigint`);
    await queryRunner.query(`UPDATE "markets" SET "last_block" = "created_block"`);
    await queryRunner.query(`ALTER TABLE "markets" ALTER COLUMN "last_block" SET NOT NULL`);
    await queryRunner.query(`CREATE TABLE "chain_blocks" (
      "chain_id" integer NOT NULL,
      "number" bigint NOT NULL,
      "hash" text NOT NULL,
      CONSTRAINT "chain_blocks_pkey" PRIMARY KEY ("chain_id", "number"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "chain_blocks"`);
    await queryRunner.query(`ALTER TABLE "markets" DROP COLUMN "last_block"`);
    await queryRunner.query(`ALTER TABLE "settlement_jobs" DROP COLUMN "lease_owner"`);
  }
}
