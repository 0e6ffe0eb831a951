import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WalletActivity1763769700000 implements MigrationInterface {
  name = 'WalletActivity1763769700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "wallet_activity" (
      "wallet" text NOT NULL,
      "event_name" text NOT NULL,
      "count" bigint NOT NULL,
      "first_seen_at" timestamptz NOT NULL,
      "last_seen_at" timestamptz NOT NULL,
      "last_block" bigint NOT NULL,
      CONSTRAINT "wallet_activity_pkey" PRIMARY KEY ("wallet", "event_name"))`);
    await queryRunner.query(
      `CREATE INDEX "wallet_activity_last_seen_idx" ON "wallet_activity" ("last_seen_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "wallet_activity"`);
  }
}
