import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProfilesAndUnlocks1763770000000 implements MigrationInterface {
  name = 'ProfilesAndUnlocks1763770000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Nothing reads by last activity; the index only slowed every counter update.
    await queryRunner.query(`DROP INDEX "wallet_activity_last_seen_idx"`);
    await queryRunner.query(`ALTER TABLE "wallet_activity"
      ADD "confirmed_count" bigint NOT NULL DEFAULT '0',
      ADD "confirmed_first_seen_at" timestamptz,
      ADD "confirmed_last_seen_at" timestamptz`);
    // Rows from before confirmation was tracked were applied as they came: count them as confirmed.
    await queryRunner.query(`UPDATE "wallet_activity" SET "confirmed_count" = "count",
      "confirmed_first_seen_at" = "first_seen_at", "confirmed_last_seen_at" = "last_seen_at"`);
    await queryRunner.query(`CREATE TABLE "chain_events" (
      "event_id" text NOT NULL, "chain_id" integer NOT NULL, "block_number" bigint NOT NULL,
      "block_hash" text NOT NULL, "log_index" integer NOT NULL, "block_time" timestamptz NOT NULL,
      "confirmed" boolean NOT NULL, "orphaned" boolean NOT NULL DEFAULT false, "effects" jsonb,
      CONSTRAINT "chain_events_pkey" PRIMARY KEY ("event_id"))`);
    await queryRunner.query(
      `CREATE INDEX "chain_events_unconfirmed_idx" ON "chain_events" ("chain_id", "block_number") WHERE NOT confirmed AND NOT orphaned`,
    );
    await queryRunner.query(
      `CREATE INDEX "chain_events_block_idx" ON "chain_events" ("chain_id", "block_hash")`,
    );
    await queryRunner.query(`CREATE TABLE "wallet_balances" (
      "wallet" text NOT NULL, "token" text NOT NULL, "amount" numeric(78,0) NOT NULL,
      "confirmed_amount" numeric(78,0) NOT NULL,
      CONSTRAINT "wallet_balances_pkey" PRIMARY KEY ("wallet", "token"))`);
    await queryRunner.query(`CREATE TABLE "nft_ownership" (
      "collection" text NOT NULL, "token_id" text NOT NULL, "owner" text, "confirmed_owner" text,
      CONSTRAINT "nft_ownership_pkey" PRIMARY KEY ("collection", "token_id"))`);
    await queryRunner.query(`CREATE INDEX "nft_ownership_owner_idx" ON "nft_ownership" ("owner")`);
    await queryRunner.query(
      `CREATE INDEX "nft_ownership_confirmed_owner_idx" ON "nft_ownership" ("confirmed_owner")`,
    );
    await queryRunner.query(`CREATE TABLE "orphaned_blocks" (
      "chain_id" integer NOT NULL, "block_hash" text NOT NULL, "block_number" bigint NOT NULL,
      "orphaned_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "orphaned_blocks_pkey" PRIMARY KEY ("chain_id", "block_hash"))`);
    await queryRunner.query(`CREATE TABLE "chain_cursors" (
      "chain_id" integer NOT NULL, "block_number" bigint NOT NULL, "block_hash" text NOT NULL,
      "confirmed_block_number" bigint, "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "chain_cursors_pkey" PRIMARY KEY ("chain_id"))`);
    await queryRunner.query(`CREATE TABLE "unlocks" (
      "id" text NOT NULL, "current_version" integer NOT NULL, "active" boolean NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(), "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "unlocks_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "unlock_versions" (
      "unlock_id" text NOT NULL, "version" integer NOT NULL, "title" text NOT NULL,
      "description" text NOT NULL, "requirements" jsonb NOT NULL, "ceremony" jsonb NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "unlock_versions_pkey" PRIMARY KEY ("unlock_id", "version"))`);
    await queryRunner.query(`CREATE TABLE "achievements" (
      "id" uuid NOT NULL, "wallet" text NOT NULL, "unlock_id" text NOT NULL,
      "unlock_version" integer NOT NULL, "achieved_at" timestamptz NOT NULL, "provisional" boolean NOT NULL,
      "chain_id" integer, "deciding_block_number" bigint, "confirmed_at" timestamptz,
      "revoked_at" timestamptz, "revoke_reason" text,
      CONSTRAINT "achievements_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(
      `CREATE INDEX "achievements_provisional_idx" ON "achievements" ("chain_id", "deciding_block_number") WHERE provisional AND revoked_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "achievements_live_uq" ON "achievements" ("wallet", "unlock_id") WHERE revoked_at IS NULL`,
    );
    await queryRunner.query(`CREATE TABLE "interpretations" (
      "wallet" text NOT NULL, "unlock_id" text NOT NULL, "text" text NOT NULL, "source" text NOT NULL,
      "model" text, "received_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "interpretations_pkey" PRIMARY KEY ("wallet", "unlock_id"))`);
    await queryRunner.query(`CREATE TABLE "wallet_reconciliations" (
      "wallet" text NOT NULL, "reconciled_at" timestamptz NOT NULL, "block_number" bigint NOT NULL,
      "drift_count" integer NOT NULL,
      CONSTRAINT "wallet_reconciliations_pkey" PRIMARY KEY ("wallet"))`);
    await queryRunner.query(
      `CREATE INDEX "wallet_reconciliations_at_idx" ON "wallet_reconciliations" ("reconciled_at")`,
    );
    await queryRunner.query(`CREATE TABLE "reevaluation_jobs" (
      "id" BIGSERIAL NOT NULL, "unlock_id" text NOT NULL, "unlock_version" integer NOT NULL,
      "status" text NOT NULL, "total" integer NOT NULL DEFAULT '0', "processed" integer NOT NULL DEFAULT '0',
      "achieved" integer NOT NULL DEFAULT '0', "cursor" text,
      "created_at" timestamptz NOT NULL DEFAULT now(), "started_at" timestamptz, "finished_at" timestamptz,
      CONSTRAINT "reevaluation_jobs_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "reevaluation_jobs_status_idx" ON "reevaluation_jobs" ("status")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'reevaluation_jobs',
      'wallet_reconciliations',
      'interpretations',
      'achievements',
      'unlock_versions',
      'unlocks',
      'chain_cursors',
      'orphaned_blocks',
      'nft_ownership',
      'wallet_balances',
      'chain_events',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
    await queryRunner.query(`ALTER TABLE "wallet_activity"
      DROP COLUMN "confirmed_count", DROP COLUMN "confirmed_first_seen_at", DROP COLUMN "confirmed_last_seen_at"`);
    await queryRunner.query(
      `CREATE INDEX "wallet_activity_last_seen_idx" ON "wallet_activity" ("last_seen_at")`,
    );
  }
}
