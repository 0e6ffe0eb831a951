import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EvmCheckpoints1763770000000 implements MigrationInterface {
  name = 'EvmCheckpoints1763770000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "evm_checkpoints" (
      "chain_id" integer NOT NULL,
      "next_block" bigint NOT NULL,
      "halted_reason" text,
      "halted_at" timestamptz,
      "updated_at" timestamptz NOT NULL,
      CONSTRAINT "evm_checkpoints_pkey" PRIMARY KEY ("chain_id"))`);
    await queryRunner.query(`CREATE TABLE "evm_recent_blocks" (
      "chain_id" integer NOT NULL,
      "block_number" bigint NOT NULL,
      "block_hash" text NOT NULL,
      "parent_hash" text NOT NULL,
      CONSTRAINT "evm_recent_blocks_pkey" PRIMARY KEY ("chain_id", "block_number"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "evm_recent_blocks"`);
    await queryRunner.query(`DROP TABLE "evm_checkpoints"`);
  }
}
