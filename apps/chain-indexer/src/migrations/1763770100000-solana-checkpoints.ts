import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SolanaCheckpoints1763770100000 implements MigrationInterface {
  name = 'SolanaCheckpoints1763770100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "solana_checkpoints" (
      "cluster" text NOT NULL,
      "program_id" text NOT NULL,
      "program_name" text NOT NULL,
      "last_signature" text,
      "last_slot" bigint,
      "indexed_slot" bigint,
      "updated_at" timestamptz NOT NULL,
      CONSTRAINT "solana_checkpoints_pkey" PRIMARY KEY ("cluster", "program_id"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "solana_checkpoints"`);
  }
}
