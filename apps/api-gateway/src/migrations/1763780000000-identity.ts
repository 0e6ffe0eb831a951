import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, SIWE nonces, refresh token families, API keys, the auth log and shared rate-limit counters. */
export class Identity1763780000000 implements MigrationInterface {
  name = 'Identity1763780000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "users" (
      "wallet" text NOT NULL,
      "role" text NOT NULL,
      "created_at" timestamptz NOT NULL,
      "last_login_at" timestamptz NOT NULL,
      CONSTRAINT "users_pkey" PRIMARY KEY ("wallet"))`);
    await queryRunner.query(`CREATE TABLE "siwe_nonces" (
      "nonce" text NOT NULL,
      "issued_at" timestamptz NOT NULL,
      "expires_at" timestamptz NOT NULL,
      "used_at" timestamptz,
      CONSTRAINT "siwe_nonces_pkey" PRIMARY KEY ("nonce"))`);
    await queryRunner.query(`CREATE INDEX "siwe_nonces_expires_at_idx" ON "siwe_nonces" ("expires_at")`);
    await queryRunner.query(`CREATE TABLE "refresh_tokens" (
      "id" uuid NOT NULL,
      "family_id" uuid NOT NULL,
      "wallet" text NOT NULL,
      "token_hash" text NOT NULL,
      "issued_at" timestamptz NOT NULL,
      "expires_at" timestamptz NOT NULL,
      "used_at" timestamptz,
      "revoked_at" timestamptz,
      "revoked_reason" text,
      CONSTRAINT "refresh_tokens_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "refresh_tokens_family_idx" ON "refresh_tokens" ("family_id")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "refresh_tokens_hash_key" ON "refresh_tokens" ("token_hash")`,
    );
    await queryRunner.query(`CREATE TABLE "api_keys" (
      "id" uuid NOT NULL,
      "name" text NOT NULL,
      "prefix" text NOT NULL,
      "key_hash" text NOT NULL,
      "role" text NOT NULL,
      "scopes" text array NOT NULL,
      "created_by" text NOT NULL,
      "created_at" timestamptz NOT NULL,
      "revoked_at" timestamptz,
      "last_used_at" timestamptz,
      CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "api_keys_hash_key" ON "api_keys" ("key_hash")`);
    await queryRunner.query(`CREATE TABLE "auth_log" (
      "id" bigserial NOT NULL,
      "at" timestamptz NOT NULL,
      "subject" text,
      "action" text NOT NULL,
      "success" boolean NOT NULL,
      "ip" text NOT NULL,
      "reason" text,
      CONSTRAINT "auth_log_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "auth_log_subject_at_idx" ON "auth_log" ("subject", "at")`);
    await queryRunner.query(`CREATE INDEX "auth_log_ip_at_idx" ON "auth_log" ("ip", "at")`);
    await queryRunner.query(`CREATE TABLE "rate_limit_counters" (
      "bucket" text NOT NULL,
      "window_start" timestamptz NOT NULL,
      "hits" integer NOT NULL,
      CONSTRAINT "rate_limit_counters_pkey" PRIMARY KEY ("bucket", "window_start"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'rate_limit_counters',
      'auth_log',
      'api_keys',
      'refresh_tokens',
      'siwe_nonces',
      'users',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
